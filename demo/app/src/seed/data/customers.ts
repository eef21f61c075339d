/**
 * The demo store's customers. Fixed data, so bank payments written for a
 * later scenario (payer names, companies, cities) always match the same people.
 * `key` is stable and ends up in customer.metadata.demo_key.
 */
export type DemoCustomer = {
  key: string
  first_name: string
  last_name: string
  company_name?: string
  email: string
  phone: string
  address_1: string
  postal_code: string
  city: string
  country_code: "de" | "at"
}

export const demoCustomers: DemoCustomer[] = [
  { key: "c01", first_name: "Jürgen", last_name: "Müller", email: "juergen.mueller@example.de", phone: "+49 30 1234501", address_1: "Schönhauser Allee 12", postal_code: "10119", city: "Berlin", country_code: "de" },
  { key: "c02", first_name: "Anja", last_name: "Köhler", company_name: "Köhler Gastronomie GmbH", email: "einkauf@koehler-gastro.example.de", phone: "+49 89 2345602", address_1: "Leopoldstraße 45", postal_code: "80802", city: "München", country_code: "de" },
  { key: "c03", first_name: "Björn", last_name: "Schäfer", email: "bjoern.schaefer@example.de", phone: "+49 40 3456703", address_1: "Mönckebergstraße 7", postal_code: "20095", city: "Hamburg", country_code: "de" },
  { key: "c04", first_name: "Sabine", last_name: "Weiß", company_name: "Weiß & Söhne KG", email: "buchhaltung@weiss-soehne.example.de", phone: "+49 221 456704", address_1: "Hohe Straße 88", postal_code: "50667", city: "Köln", country_code: "de" },
  { key: "c05", first_name: "Thomas", last_name: "Becker", email: "t.becker@example.de", phone: "+49 69 5678905", address_1: "Berger Straße 130", postal_code: "60316", city: "Frankfurt am Main", country_code: "de" },
  { key: "c06", first_name: "Jörg", last_name: "Hoffmann", email: "joerg.hoffmann@example.de", phone: "+49 711 678906", address_1: "Königstraße 21", postal_code: "70173", city: "Stuttgart", country_code: "de" },
  { key: "c07", first_name: "Katrin", last_name: "Schröder", company_name: "Café Schröder", email: "kontakt@cafe-schroeder.example.de", phone: "+49 211 789007", address_1: "Kö-Bogen 3", postal_code: "40212", city: "Düsseldorf", country_code: "de" },
  { key: "c08", first_name: "Lukas", last_name: "Neumann", email: "lukas.neumann@example.de", phone: "+49 341 890108", address_1: "Karl-Liebknecht-Straße 56", postal_code: "04275", city: "Leipzig", country_code: "de" },
  { key: "c09", first_name: "Monika", last_name: "Groß", email: "monika.gross@example.de", phone: "+49 351 901209", address_1: "Prager Straße 9", postal_code: "01069", city: "Dresden", country_code: "de" },
  { key: "c10", first_name: "Günther", last_name: "Fuchs", company_name: "Fuchs Bürobedarf e.K.", email: "rechnung@fuchs-buero.example.de", phone: "+49 911 123410", address_1: "Färberstraße 14", postal_code: "90402", city: "Nürnberg", country_code: "de" },
  { key: "c11", first_name: "Lena", last_name: "Wagner", email: "lena.wagner@example.de", phone: "+49 421 234511", address_1: "Ostertorsteinweg 33", postal_code: "28203", city: "Bremen", country_code: "de" },
  { key: "c12", first_name: "Uwe", last_name: "Krüger", email: "uwe.krueger@example.de", phone: "+49 511 345612", address_1: "Lister Meile 70", postal_code: "30161", city: "Hannover", country_code: "de" },
  { key: "c13", first_name: "Franziska", last_name: "Bäcker", company_name: "Bäckerei Bäcker GmbH", email: "office@baeckerei-baecker.example.de", phone: "+49 761 456713", address_1: "Kaiser-Joseph-Straße 190", postal_code: "79098", city: "Freiburg im Breisgau", country_code: "de" },
  { key: "c14", first_name: "Stefan", last_name: "Schulz", email: "stefan.schulz@example.de", phone: "+49 251 567814", address_1: "Prinzipalmarkt 18", postal_code: "48143", city: "Münster", country_code: "de" },
  { key: "c15", first_name: "Dörte", last_name: "Lübke", email: "doerte.luebke@example.de", phone: "+49 451 678915", address_1: "Breite Straße 40", postal_code: "23552", city: "Lübeck", country_code: "de" },
  { key: "c16", first_name: "Matthias", last_name: "Zimmermann", company_name: "Zimmermann Möbelwerkstatt", email: "info@zimmermann-moebel.example.de", phone: "+49 931 789016", address_1: "Domstraße 5", postal_code: "97070", city: "Würzburg", country_code: "de" },
  { key: "c17", first_name: "Julia", last_name: "Krämer", email: "julia.kraemer@example.de", phone: "+49 551 890117", address_1: "Weender Straße 61", postal_code: "37073", city: "Göttingen", country_code: "de" },
  { key: "c18", first_name: "Andreas", last_name: "Wolf", email: "andreas.wolf@example.de", phone: "+49 941 901218", address_1: "Gesandtenstraße 2", postal_code: "93047", city: "Regensburg", country_code: "de" },
  { key: "c19", first_name: "Petra", last_name: "Schmitt", company_name: "Schmitt Blumen & Floristik", email: "blumen@schmitt-floristik.example.de", phone: "+49 621 123419", address_1: "Planken O 7", postal_code: "68161", city: "Mannheim", country_code: "de" },
  { key: "c20", first_name: "Klaus", last_name: "Böhm", email: "klaus.boehm@example.de", phone: "+49 231 234520", address_1: "Westenhellweg 99", postal_code: "44137", city: "Dortmund", country_code: "de" },
  { key: "c21", first_name: "Susanne", last_name: "Hartmann", email: "susanne.hartmann@example.de", phone: "+49 201 345621", address_1: "Rüttenscheider Straße 150", postal_code: "45131", city: "Essen", country_code: "de" },
  { key: "c22", first_name: "Maximilian", last_name: "Schneider", company_name: "Schneider IT-Service UG (haftungsbeschränkt)", email: "buero@schneider-it.example.de", phone: "+49 228 456722", address_1: "Poppelsdorfer Allee 25", postal_code: "53115", city: "Bonn", country_code: "de" },
  { key: "c23", first_name: "Ingrid", last_name: "Schütz", email: "ingrid.schuetz@example.de", phone: "+49 681 567823", address_1: "Bahnhofstraße 77", postal_code: "66111", city: "Saarbrücken", country_code: "de" },
  { key: "c24", first_name: "Felix", last_name: "Lehmann", email: "felix.lehmann@example.de", phone: "+49 331 678924", address_1: "Brandenburger Straße 31", postal_code: "14467", city: "Potsdam", country_code: "de" },
  { key: "c25", first_name: "Hannelore", last_name: "Maier", company_name: "Maier Weinhandel GmbH", email: "bestellung@maier-wein.example.de", phone: "+49 6131 789025", address_1: "Augustinerstraße 11", postal_code: "55116", city: "Mainz", country_code: "de" },
  { key: "c26", first_name: "Tobias", last_name: "Keller", email: "tobias.keller@example.de", phone: "+49 761 890126", address_1: "Habsburgerstraße 104", postal_code: "79104", city: "Freiburg im Breisgau", country_code: "de" },
  { key: "c27", first_name: "Renate", last_name: "Jäger", email: "renate.jaeger@example.de", phone: "+49 361 901227", address_1: "Anger 50", postal_code: "99084", city: "Erfurt", country_code: "de" },
  { key: "c28", first_name: "Florian", last_name: "Gruber", email: "florian.gruber@example.at", phone: "+43 1 5123428", address_1: "Mariahilfer Straße 88", postal_code: "1070", city: "Wien", country_code: "at" },
  { key: "c29", first_name: "Theresa", last_name: "Huber", company_name: "Huber Alpenkäserei GmbH", email: "office@huber-kaeserei.example.at", phone: "+43 662 843129", address_1: "Getreidegasse 24", postal_code: "5020", city: "Salzburg", country_code: "at" },
  { key: "c30", first_name: "Michael", last_name: "Pölzl", email: "michael.poelzl@example.at", phone: "+43 316 872230", address_1: "Herrengasse 16", postal_code: "8010", city: "Graz", country_code: "at" },
]
