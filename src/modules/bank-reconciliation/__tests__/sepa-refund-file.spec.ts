import { parsePain001 } from "../../../../integration-tests/__fixtures__/pain001"
import { buildRefundFile, toSepaText } from "../sepa-refund-file"

const input = {
  message_id: "RFX20261129A1B2",
  created_at: new Date("2026-11-29T10:00:00Z"),
  debtor: { name: "Kaffeerösterei Beispiel GmbH", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" },
  lines: [
    { transaction_id: "btx_1", amount: "0.10", creditor_name: "Jörg Weiß", creditor_iban: "DE02120300000000202051", creditor_bic: "BYLADEM1001", remittance_info: "Erstattung" },
    { transaction_id: "btx_2", amount: "0.20", creditor_name: "Erika Mustermann", creditor_iban: "DE02100100100006820101", creditor_bic: null, remittance_info: "Erstattung 2" },
    { transaction_id: "btx_3", amount: "999999.99", creditor_name: "Max", creditor_iban: "AT611904300234573201", creditor_bic: null, remittance_info: "x" },
  ],
}

describe("SEPA refund file (pain.001.001.09)", () => {
  it("writes one batch whose transfers parse back to exactly the lines, with exact control sums", () => {
    const { xml, total } = buildRefundFile(input)
    expect(total).toBe("1000000.29")
    const file = parsePain001(xml)
    expect(file.namespace).toBe("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09")
    expect(file).toMatchObject({ message_id: "RFX20261129A1B2", count: "3", control_sum: "1000000.29" })
    expect(file.batches).toHaveLength(1)
    expect(file.batches[0]).toMatchObject({ batch_booking: "true", control_sum: "1000000.29", debtor_iban: "DE89370400440532013000", debtor_bic: "COBADEFFXXX" })
    expect(file.batches[0].transfers.map((t) => [t.amount, t.currency, t.iban, t.bic, t.name])).toEqual([
      ["0.10", "EUR", "DE02120300000000202051", "BYLADEM1001", "Joerg Weiss"],
      ["0.20", "EUR", "DE02100100100006820101", null, "Erika Mustermann"],
      ["999999.99", "EUR", "AT611904300234573201", null, "Max"],
    ])
    expect(new Set(file.batches[0].transfers.map((t) => t.end_to_end_id)).size).toBe(3)
  })

  it.each([
    [{ creditor_iban: "DE02120300000000202052" }, /transaction_ids\[0\] \(btx_1\): the payer's IBAN .* is not valid/],
    [{ creditor_bic: "NOTABIC" }, /transaction_ids\[0\] \(btx_1\): the payer's BIC NOTABIC is not valid/],
    [{ creditor_name: "  " }, /transaction_ids\[0\] \(btx_1\): the payment has no payer name/],
    [{ amount: "1.005" }, /transaction_ids\[0\] \(btx_1\): 1.005 is not an amount/],
  ])("refuses %o naming the payment", (change, message) => {
    expect(() => buildRefundFile({ ...input, lines: [{ ...input.lines[0], ...change }] })).toThrow(message)
  })

  it("spells umlauts out and drops characters outside the SEPA set", () => {
    expect(toSepaText("Müller & Söhne — Straße №1", 70)).toBe("Mueller Soehne Strasse 1")
  })
})
