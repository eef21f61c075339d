/** One credit of a camt.053 built for a test. */
export type CamtCredit = {
  amount: string
  booking_date: string
  debtor_name?: string | null
  debtor_iban?: string | null
  end_to_end_reference?: string | null
  remittance_text?: string | null
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/**
 * A camt.053.001.08 statement of `iban` with the given booked credits, laid out as German banks do
 * (no balances, which are optional). Tests and the import benchmark build files from data they know.
 */
export function camt053(input: { iban: string; currency?: string; credits: CamtCredit[]; messageId?: string }): string {
  const currency = input.currency ?? "EUR"
  const entries = input.credits.map((c, i) => {
    const debtor = c.debtor_name ? `<Dbtr><Pty><Nm>${escape(c.debtor_name)}</Nm></Pty></Dbtr>` : ""
    const account = c.debtor_iban ? `<DbtrAcct><Id><IBAN>${c.debtor_iban}</IBAN></Id></DbtrAcct>` : ""
    const text = c.remittance_text ? `<RmtInf><Ustrd>${escape(c.remittance_text)}</Ustrd></RmtInf>` : ""
    return `<Ntry><Amt Ccy="${currency}">${c.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${c.booking_date}</Dt></BookgDt><ValDt><Dt>${c.booking_date}</Dt></ValDt><AcctSvcrRef>TEST${String(i + 1).padStart(10, "0")}</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>${escape(c.end_to_end_reference ?? "NOTPROVIDED")}</EndToEndId></Refs><Amt Ccy="${currency}">${c.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><RltdPties>${debtor}${account}</RltdPties>${text}</TxDtls></NtryDtls></Ntry>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>${input.messageId ?? "TEST-CAMT053"}</MsgId><CreDtTm>2026-11-29T06:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>${input.messageId ?? "TEST-CAMT053"}-1</Id><Acct><Id><IBAN>${input.iban}</IBAN></Id><Ccy>${currency}</Ccy></Acct>
${entries.join("\n")}
</Stmt></BkToCstmrStmt></Document>
`
}

/** A multipart body of statement files for the upload route. */
export function statementUpload(files: { name: string; content: string | Buffer<ArrayBuffer> }[], fields: Record<string, string> = {}): FormData {
  const form = new FormData()
  for (const file of files) {
    form.append("files", new Blob([file.content]), file.name)
  }
  for (const [key, value] of Object.entries(fields)) {
    form.append(key, value)
  }
  return form
}
