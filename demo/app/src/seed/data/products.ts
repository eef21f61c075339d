/**
 * A small coffee-shop catalogue. Prices are gross EUR (German VAT included),
 * as a German shop shows them.
 */
export type DemoVariant = { sku: string; title: string; price: number }

export type DemoProduct = {
  handle: string
  title: string
  description: string
  option: string
  variants: DemoVariant[]
}

export const demoProducts: DemoProduct[] = [
  {
    handle: "espresso-bohnen",
    title: "Espresso-Bohnen „Röstmeister“",
    description: "Dunkle Röstung aus einer kleinen Rösterei in Franken.",
    option: "Packung",
    variants: [
      { sku: "ESP-500", title: "500 g", price: 14.9 },
      { sku: "ESP-1000", title: "1 kg", price: 26.9 },
    ],
  },
  {
    handle: "filterkaffee-hochland",
    title: "Filterkaffee Hochland",
    description: "Milde Röstung für Handfilter und Kaffeemaschine.",
    option: "Packung",
    variants: [{ sku: "FLT-500", title: "500 g", price: 11.5 }],
  },
  {
    handle: "porzellan-handfilter",
    title: "Porzellan-Handfilter",
    description: "Handfilter aus Thüringer Porzellan, Größe 4.",
    option: "Farbe",
    variants: [
      { sku: "HF-WEISS", title: "Weiß", price: 29 },
      { sku: "HF-SCHWARZ", title: "Schwarz", price: 32 },
    ],
  },
  {
    handle: "kaffeemuehle-holz",
    title: "Kaffeemühle aus Buchenholz",
    description: "Handmühle mit Kegelmahlwerk aus Stahl.",
    option: "Ausführung",
    variants: [{ sku: "KM-BUCHE", title: "Standard", price: 89 }],
  },
  {
    handle: "emaille-becher",
    title: "Emaille-Becher",
    description: "Robuster Becher für Küche und Camping, 350 ml.",
    option: "Farbe",
    variants: [
      { sku: "EB-BLAU", title: "Blau", price: 12.5 },
      { sku: "EB-GRUEN", title: "Grün", price: 12.5 },
    ],
  },
  {
    handle: "geschenkgutschein",
    title: "Geschenkgutschein",
    description: "Gutschein für unseren Online-Shop.",
    option: "Wert",
    variants: [
      { sku: "GS-25", title: "25 €", price: 25 },
      { sku: "GS-50", title: "50 €", price: 50 },
    ],
  },
]

/** Flat list of every variant with its product, in catalogue order. */
export const demoVariants = demoProducts.flatMap((product) =>
  product.variants.map((variant) => ({ ...variant, product }))
)
