import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { BigNumber } from "@medusajs/framework/utils"
import BankReconciliationModule, { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import * as models from "../../src/modules/bank-reconciliation/models"
import BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { decryptSecret, parseEncryptionKey } from "../../src/modules/bank-reconciliation/secret-box"
import { TEST_ENCRYPTION_KEY, testPluginOptions } from "../__fixtures__/plugin-options"

jest.setTimeout(60_000)

async function createAccount(service: BankReconciliationModuleService) {
  const bankInterface = await service.createBankInterfaces({ name: "Hausbank" })
  const connection = await service.createBankConnections({
    interface_id: bankInterface.id,
    label: "Sparkasse",
    finapi_bank_connection_id: "4711",
    status: "active",
  })
  const account = await service.createBankAccounts({
    connection_id: connection.id,
    finapi_account_id: "1001",
    iban: "DE89370400440532013000",
    currency_code: "EUR",
  })
  return { bankInterface, connection, account }
}

function transaction(accountId: string, finapiId: string, amount: string) {
  return {
    account_id: accountId,
    finapi_transaction_id: finapiId,
    amount,
    currency_code: "EUR",
    booking_date: new Date("2026-11-02T00:00:00Z"),
    purpose: "RE 1042",
    fingerprint: `fp-${finapiId}`,
  }
}

moduleIntegrationTestRunner<BankReconciliationModuleService>({
  moduleName: BANK_RECONCILIATION_MODULE,
  moduleModels: Object.values(models),
  resolve: "./src/modules/bank-reconciliation",
  moduleOptions: testPluginOptions(),
  testSuite: ({ service }) => {
    it("exposes every model as linkable with its prefixed id", async () => {
      const linkable = BankReconciliationModule.linkable as Record<string, { id: { primaryKey: string } }>
      expect(Object.keys(linkable).sort()).toEqual([
        "bankAccount",
        "bankConnection",
        "bankInterface",
        "bankTransaction",
        "finapiCallLog",
        "learnedPayer",
        "orderNotice",
        "paymentAssignment",
        "paymentEvent",
        "refundExport",
        "refundExportItem",
        "syncRun",
      ])
      expect(linkable.paymentAssignment.id.primaryKey).toBe("id")
      const { account } = await createAccount(service)
      const [created] = await service.createBankTransactions([transaction(account.id, "T1", "1.00")])
      expect(created.id).toMatch(/^btx_/)
      expect(account.id).toMatch(/^bacc_/)
    })

    it("imports a transaction only once per account and finAPI id", async () => {
      const { account } = await createAccount(service)
      await service.createBankTransactions([transaction(account.id, "T1", "10.00")])
      await expect(
        service.createBankTransactions([transaction(account.id, "T1", "10.00")])
      ).rejects.toThrow(/already exists/)
      const other = await service.createBankAccounts({
        connection_id: account.connection_id,
        finapi_account_id: "1002",
      })
      // the same finAPI id on another account is a different transaction
      await expect(service.createBankTransactions([transaction(other.id, "T1", "10.00")])).resolves.toHaveLength(1)
    })

    it("keeps one bank connection per interface and finAPI id, and one account per connection and finAPI id", async () => {
      const { bankInterface, connection } = await createAccount(service)
      await expect(
        service.createBankConnections({
          interface_id: bankInterface.id,
          label: "again",
          finapi_bank_connection_id: "4711",
        })
      ).rejects.toThrow(/already exists/)
      // pending connections (web form not completed yet) have no finAPI id and never collide
      await service.createBankConnections([
        { interface_id: bankInterface.id, label: "pending 1" },
        { interface_id: bankInterface.id, label: "pending 2" },
      ])
      await expect(
        service.createBankAccounts({ connection_id: connection.id, finapi_account_id: "1001" })
      ).rejects.toThrow(/already exists/)
    })

    it("rejects states outside the enums", async () => {
      const { account } = await createAccount(service)
      await expect(
        service.createBankTransactions([{ ...transaction(account.id, "T9", "5.00"), status: "paid" as never }])
      ).rejects.toThrow()
      await expect(service.createBankInterfaces({ name: "x", status: "online" as never })).rejects.toThrow()
      const [tx] = await service.createBankTransactions([transaction(account.id, "T9", "5.00")])
      await expect(
        service.createPaymentAssignments({
          transaction_id: tx.id,
          order_id: "order_1",
          amount: "5.00",
          currency_code: "EUR",
          source: "robot" as never,
        })
      ).rejects.toThrow()
      expect((await service.retrieveBankTransaction(tx.id)).status).toBe("unassigned")
    })

    it("refuses zero or negative amounts: only incoming payments are stored", async () => {
      const { account } = await createAccount(service)
      await expect(service.createBankTransactions([transaction(account.id, "T2", "-12.50")])).rejects.toThrow()
      await expect(service.createBankTransactions([transaction(account.id, "T3", "0")])).rejects.toThrow()
    })

    it("stores money exactly: 0.1 + 0.2 sums to 0.30", async () => {
      const { account } = await createAccount(service)
      const [a, b] = await service.createBankTransactions([
        transaction(account.id, "A", "0.1"),
        transaction(account.id, "B", "0.2"),
      ])
      const sum = await service.sumTransactionAmounts([a.id, b.id])
      expect(new BigNumber(sum).numeric.toFixed(2)).toBe("0.30")
      expect(sum).toBe("0.3")
      const stored = await service.retrieveBankTransaction(a.id)
      expect((stored as unknown as { raw_amount: { value: string } }).raw_amount.value).toBe("0.1")

      await service.createPaymentAssignments([
        { transaction_id: b.id, order_id: "order_1", amount: "0.1", currency_code: "EUR", source: "manual" },
        { transaction_id: b.id, order_id: "order_2", amount: "0.1", currency_code: "EUR", source: "manual" },
      ])
      expect(await service.sumAssignedAmount(b.id)).toBe("0.2")
    })

    it("seals the finAPI password with the configured key and refuses a tampered one before calling finAPI", async () => {
      const sealed = await service.sealSecret("s3cr3t-Pässwort")
      expect(sealed).not.toContain("s3cr3t")
      expect(decryptSecret(sealed, [parseEncryptionKey(TEST_ENCRYPTION_KEY)])).toBe("s3cr3t-Pässwort")
      expect(await service.sealSecret("s3cr3t-Pässwort")).not.toBe(sealed)
      const parts = sealed.split(":")
      const ciphertext = Buffer.from(parts[parts.length - 1], "base64")
      ciphertext[0] ^= 1
      const tampered = [...parts.slice(0, -1), ciphertext.toString("base64")].join(":")
      const bankInterface = await service.createBankInterfaces({ name: "Hausbank", finapi_user_id: "u-1", encrypted_password: tampered })
      await expect(service.connectFinapiUser(bankInterface.id)).rejects.toThrow(/Hausbank.*altered/)
      expect(await service.listFinapiCallLogs({ interface_id: bankInterface.id })).toEqual([])
    })

    it("does finAPI work only inside the module: no method opens a stored password or hands out a client", async () => {
      const api = service as unknown as Record<string, unknown>
      for (const leak of ["openSecret", "getFinapiClient", "forgetFinapiClient", "flushFinapiCallLog"]) {
        expect(api[leak]).toBeUndefined()
      }
      const bankInterface = await service.createBankInterfaces({ name: "Neue Bank" })
      await expect(service.syncBankConnections(bankInterface.id)).rejects.toThrow(/"Neue Bank" is not connected to finAPI yet/)
      expect(await service.listFinapiCallLogs({ interface_id: bankInterface.id })).toEqual([])
    })

    it("prunes finAPI call-log entries older than the retention period", async () => {
      const entry = (at: Date) => ({
        interface_id: "bint_1",
        at,
        operation: "getUser",
        api: "access",
        method: "GET",
        path: "/api/v2/users",
        outcome: "ok" as const,
        request_id: `req-${at.getTime()}`,
      })
      await service.createFinapiCallLogs([entry(new Date(Date.now() - 31 * 86_400_000)), entry(new Date())])
      expect(await service.pruneFinapiCallLog()).toBe(1)
      const left = await service.listFinapiCallLogs({})
      expect(left).toHaveLength(1)
      expect(Date.now() - new Date(left[0].at).getTime()).toBeLessThan(60_000)
    })

    it("exposes the validated options with defaults", async () => {
      const options = await service.getOptions()
      expect(options.invoiceNumber.format).toBe("INV-{display_id}")
      expect(options.sync.schedule).toBe("0 * * * *")
      expect(options.sync.autoBook).toBe(false)
    })
  },
})
