import { consentExpiryNotice, decisionsNotice, prepaymentRunNotice } from "../admin-feed-notices"

const connection = { id: "bcon_1", label: "Girokonto", bank_name: "Sparkasse", consent_expires_at: "2026-12-15T00:00:00.000Z" }
const at = (iso: string) => new Date(iso)

describe("admin feed notices", () => {
  it("warns 14, 7 and 1 day(s) before a consent expires, each under its own key, and not before or after", () => {
    expect(consentExpiryNotice(connection, at("2026-11-30T00:00:00Z"))).toBeNull()
    expect(consentExpiryNotice(connection, at("2026-12-01T00:00:00Z"))).toMatchObject({ key: "finapi-consent:bcon_1:2026-12-15:14", title: "Bank consent expires in 14 days" })
    expect(consentExpiryNotice(connection, at("2026-12-05T00:00:00Z"))?.key).toBe("finapi-consent:bcon_1:2026-12-15:14")
    expect(consentExpiryNotice(connection, at("2026-12-08T00:00:00Z"))?.key).toBe("finapi-consent:bcon_1:2026-12-15:7")
    expect(consentExpiryNotice(connection, at("2026-12-14T12:00:00Z"))).toMatchObject({ key: "finapi-consent:bcon_1:2026-12-15:1", title: "Bank consent expires in 1 day" })
    expect(consentExpiryNotice(connection, at("2026-12-16T00:00:00Z"))).toBeNull()
    expect(consentExpiryNotice({ ...connection, consent_expires_at: null }, at("2026-12-14T00:00:00Z"))).toBeNull()
  })

  it("sums up the payments waiting for a decision once a day", () => {
    expect(decisionsNotice({ proposed: 0, cancelled_order: 0 }, at("2026-12-01T10:00:00Z"))).toBeNull()
    expect(decisionsNotice({ proposed: 2, cancelled_order: 1 }, at("2026-12-01T10:00:00Z"))).toEqual({
      key: "finapi-decisions:2026-12-01",
      title: "3 incoming payments need a decision",
      description: "2 with a suggested order, 1 for a cancelled order. Open Incoming payments to confirm, assign or refund.",
    })
  })

  it("writes the notices in German when the shop sets adminFeedLanguage: de, under the same keys", () => {
    const now = at("2026-12-14T12:00:00Z")
    expect(consentExpiryNotice(connection, now, "de")).toEqual({
      key: consentExpiryNotice(connection, now)!.key,
      title: "Bankzustimmung läuft in 1 Tag ab",
      description: "Girokonto (Sparkasse): Erneuern Sie die PSD2-Zustimmung vor dem 15.12.2026 unter Einstellungen → Onlinebanking, sonst werden keine Zahlungen mehr importiert.",
    })
    expect(consentExpiryNotice(connection, at("2026-12-08T00:00:00Z"), "de")?.title).toBe("Bankzustimmung läuft in 7 Tagen ab")
    expect(decisionsNotice({ proposed: 1, cancelled_order: 0 }, now, "de")).toMatchObject({
      title: "1 Zahlungseingang wartet auf eine Entscheidung",
      description: "1 mit vorgeschlagener Bestellung. Unter Zahlungseingänge bestätigen, zuordnen oder erstatten.",
    })
    expect(decisionsNotice({ proposed: 2, cancelled_order: 1 }, now, "de")?.title).toBe("3 Zahlungseingänge warten auf eine Entscheidung")
    expect(prepaymentRunNotice({ reminded: [1], cancelled: [{ display_id: 62 }] }, now, "de")).toMatchObject({
      title: "Vorkasse: 1 Erinnerung(en) gesendet, 1 Bestellung(en) storniert",
      description: "Wegen Nichtzahlung storniert (Frist abgelaufen, keine Zahlung zugeordnet): #62. Ihre Reservierungen wurden freigegeben.",
    })
  })
})
