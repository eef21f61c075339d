import { z } from "zod"

/** Banking interfaces finAPI can use to talk to a bank. */
export const BankingInterfaceSchema = z.enum(["XS2A", "FINTS_SERVER", "WEB_SCRAPER"])
export type BankingInterface = z.infer<typeof BankingInterfaceSchema>

/** finAPI `Bank` as embedded in a bank connection or returned by `/api/v2/banks`. */
export const BankSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  bic: z.string().nullish(),
  blz: z.string().nullish(),
  location: z.string().nullish(),
  city: z.string().nullish(),
  isTestBank: z.boolean().nullish(),
  popularity: z.number().nullish(),
  // Bank-level interface descriptions differ from connection interfaces and are not used here.
  interfaces: z.array(z.looseObject({})).nullish(),
  bankGroup: z.looseObject({}).nullish(),
  isBeta: z.boolean().nullish(),
  logo: z.looseObject({}).nullish(),
  icon: z.looseObject({}).nullish(),
})
export type Bank = z.infer<typeof BankSchema>
