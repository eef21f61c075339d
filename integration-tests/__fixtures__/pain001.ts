import { XMLParser } from "fast-xml-parser"

export type ParsedTransfer = { end_to_end_id: string; amount: string; currency: string; name: string; iban: string; bic: string | null; remittance: string }

/**
 * Reads a pain.001 credit transfer file back with fast-xml-parser (independent of sepa.js, which
 * writes it): the message, its batches and every transfer, amounts as the text in the file.
 */
export function parsePain001(xml: string) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, isArray: (name) => ["PmtInf", "CdtTrfTxInf"].includes(name) })
  const doc = parser.parse(xml).Document
  const root = doc.CstmrCdtTrfInitn
  return {
    namespace: doc["@xmlns"] as string,
    message_id: root.GrpHdr.MsgId as string,
    count: root.GrpHdr.NbOfTxs as string,
    control_sum: root.GrpHdr.CtrlSum as string,
    batches: (root.PmtInf as any[]).map((batch) => ({
      batch_booking: batch.BtchBookg as string,
      control_sum: batch.CtrlSum as string,
      debtor_iban: batch.DbtrAcct.Id.IBAN as string,
      debtor_bic: (batch.DbtrAgt?.FinInstnId?.BICFI ?? null) as string | null,
      transfers: (batch.CdtTrfTxInf as any[]).map(
        (tx): ParsedTransfer => ({
          end_to_end_id: tx.PmtId.EndToEndId,
          amount: tx.Amt.InstdAmt["#text"],
          currency: tx.Amt.InstdAmt["@Ccy"],
          name: tx.Cdtr.Nm,
          iban: tx.CdtrAcct.Id.IBAN,
          bic: tx.CdtrAgt?.FinInstnId?.BICFI ?? null,
          remittance: tx.RmtInf?.Ustrd ?? "",
        })
      ),
    })),
  }
}
