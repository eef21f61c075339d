import { z } from "zod"

/** Banking interfaces finAPI can use to talk to a bank. */
export const BankingInterfaceSchema = z.enum(["XS2A", "FINTS_SERVER", "WEB_SCRAPER"])
export type BankingInterface = z.infer<typeof BankingInterfaceSchema>

/** A login field as the bank defines it (no value). */
export const BankLoginFieldSchema = z.looseObject({
  label: z.string(),
  isSecret: z.boolean().nullish(),
  isVolatile: z.boolean().nullish(),
})

/** A banking interface of a bank (not of a connection): its login fields. */
export const BankInterfaceSchema = z.looseObject({
  bankingInterface: BankingInterfaceSchema,
  loginCredentials: z.array(BankLoginFieldSchema).nullish(),
})

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
  // what the bank asks for at login per interface; `isSecret` tells which fields are secrets (the PIN)
  interfaces: z.array(BankInterfaceSchema).nullish(),
  bankGroup: z.looseObject({}).nullish(),
  isBeta: z.boolean().nullish(),
  logo: z.looseObject({}).nullish(),
  icon: z.looseObject({}).nullish(),
})
export type Bank = z.infer<typeof BankSchema>
