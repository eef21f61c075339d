import type { PluginOptionsInput } from "../../src/modules/bank-reconciliation/plugin-options"

/** A fixed 32-byte test key (hex); never used outside tests. */
export const TEST_ENCRYPTION_KEY = "5f1d3c9a7b2e4f60819a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70"

/** Plugin options for tests; the finAPI URLs point at the local sandbox unless a test overrides them. */
export function testPluginOptions(overrides: Partial<PluginOptionsInput> = {}): PluginOptionsInput {
  return {
    finapi: {
      accessUrl: process.env.FINAPI_ACCESS_URL ?? "http://localhost:4010",
      webFormUrl: process.env.FINAPI_WEBFORM_URL ?? "http://localhost:4010",
      clientId: "sandbox-client",
      clientSecret: "sandbox-secret",
    },
    encryptionKey: TEST_ENCRYPTION_KEY,
    // finAPI's callbacks go nowhere in tests (port 9 refuses); tests replay them against the test server
    backendUrl: process.env.FINAPI_TEST_BACKEND_URL ?? "http://127.0.0.1:9",
    invoiceNumber: { source: "display_id", format: "INV-{display_id}" },
    // the prepayment loop runs only when a test calls it with its own clock; no template for surplus_refunded
    prepayment: {
      reminders: { days: [3, 7] },
      autoCancel: { afterDays: 14 },
      notifications: {
        templates: {
          payment_received: "order-payment-received",
          partial_payment_received: "order-partial-payment-received",
          payment_reminder: "order-payment-reminder",
          cancelled_for_non_payment: "order-cancelled-for-non-payment",
        },
      },
    },
    ...overrides,
  }
}
