/**
 * Words German bank statements are made of: payers with umlauts and in capitals (as
 * banks often print them), SEPA purposes with and without EREF+/SVWZ+ tags.
 */
export const PAYERS = [
  { name: "Anna Schäfer", iban: "DE89370400440532013000", bic: "COBADEFFXXX" },
  { name: "JÜRGEN MÜLLER", iban: "DE02120300000000202051", bic: "BYLADEM1001" },
  { name: "MUELLER, HANS-JUERGEN", iban: "DE02500105170137075030", bic: "INGDDEFFXXX" },
  { name: "Björn Weiß", iban: "DE12500105170648489890", bic: "INGDDEFFXXX" },
  { name: "Günther & Söhne GmbH", iban: "DE68210501700012345678", bic: "NOLADE21KIE" },
  { name: "LÖWENZAHN BÜROBEDARF E.K.", iban: "DE44500105175407324931", bic: "INGDDEFFXXX" },
  { name: "Françoise Dubois", iban: "FR1420041010050500013M02606", bic: "PSSTFRPPPAR" },
  { name: "Dr. Özlem Yılmaz", iban: "DE75512108001245126199", bic: "SOGEDEFFXXX" },
  { name: "Kurt Schröder", iban: "DE91100000000123456789", bic: "MARKDEF1100" },
  { name: "MAIER-STRAßBURGER KATHARINA", iban: "DE27100777770209299700", bic: "NORSDE51XXX" },
] as const

export const SUPPLIERS = [
  { name: "Telekom Deutschland GmbH", iban: "DE12300700100100100100", creditorId: "DE19ZZZ00000006541", purpose: "Festnetz/Internet Kundenkonto 4711-0815" },
  { name: "DHL Paket GmbH", iban: "DE10370100500000005508", creditorId: "DE61ZZZ00000013524", purpose: "Versandkosten Sammelrechnung" },
  { name: "Stadtwerke Köln GmbH", iban: "DE49370501980001234567", creditorId: "DE24ZZZ00000036791", purpose: "Abschlag Strom Lager" },
  { name: "Papier Kühn KG", iban: "DE21700202700001234567", creditorId: null, purpose: "Rechnung 2026-334 Verpackungsmaterial" },
] as const

/** Purpose patterns; `{order}` is an order number, `{ref}` an end-to-end reference, `{name}` the payer. */
export const INCOMING_PURPOSES = [
  "EREF+{ref} SVWZ+Bestellung {order}",
  "Bestellnr. {order} {name}",
  "Order #{order}",
  "RECHNUNG {order} KD-NR {customer}",
  "EREF+NOTPROVIDED SVWZ+Zahlung zu Auftrag {order}",
  "{order}",
  "Ueberweisung fuer Bestellung {order} vielen Dank",
  "SVWZ+Bestellung Nr. {order} vom {date}",
] as const
