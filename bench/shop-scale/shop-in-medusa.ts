/**
 * `medusa exec` script of bench/shop-scale, one shop size per run (BENCH_ORDERS): grows the shop to
 * that many orders (10 % unpaid, one customer per 5 orders), stores BENCH_PAYMENTS incoming payments
 * and measures, inside the Medusa process:
 * - the pure engine on the open items and payments auto-assign will read (loading timed apart);
 * - auto-assign end to end: the import's events emitted → every payment's decision stored;
 * - matching a newly placed order against the open payments, for BENCH_NEW_ORDERS orders, half of
 *   which an earlier payment names.
 * Prints one `BENCH_LEVEL {json}` line, with a sample of orders for the runner to read back through
 * the admin API and what its search and list requests ask for.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { markPaymentCollectionAsPaid } from "@medusajs/medusa/core-flows"
import { createAdminUser } from "../../integration-tests/__fixtures__/admin-user"
import { createGermanRegion, createUnpaidOrder } from "../../integration-tests/__fixtures__/order"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import { matchTransactions } from "../../src/modules/bank-reconciliation/matching"
import { derivePaymentReference, formatPaymentReference } from "../../src/lib/bank-transfer/payment-reference"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import type { ImportedTransactionInsert } from "../../src/modules/bank-reconciliation/service"
import { transactionFingerprint } from "../../src/modules/bank-reconciliation/transaction-fingerprint"
import { TRANSACTIONS_IMPORTED_EVENT } from "../../src/workflows/import/import-bank-transactions"
import refreshOpenOrderSearchJob from "../../src/jobs/refresh-open-order-search"
import { matchPlacedOrderWorkflow } from "../../src/workflows/assignment/match-placed-order"
import { loadOpenOrders } from "../../src/workflows/matching/open-orders"
import { loadAssignableTransactions } from "../../src/workflows/steps/load-assignable-transactions"
import { cloneOrders, type OrderClone, type TemplateOrder } from "./seed-orders"

const FIRST = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Klara", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Simon", "Tilda", "Uwe"]
const LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Schmid"]
const OTHER = ["Miete Lager", "Stromabschlag", "Gutschrift Retoure Lieferant", "Spende", "Erstattung Versicherung", "Zinsen"]

/** A deterministic pseudo-random stream (mulberry32), so every run seeds the same shop. */
function random(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number) => String(n).padStart(7, "0")
const orderId = (i: number) => `order_bench${pad(i)}`
const customerId = (k: number) => `cus_bench${pad(k)}`
// amounts 5.00–499.99, a few hundred of them repeated as in a real shop's price list
const amountOf = (i: number) => (5 + ((i * 7919) % 49_500) / 100).toFixed(2)
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9

async function templates(container: ExecArgs["container"], pg: Knex): Promise<{ unpaid: TemplateOrder; paid: TemplateOrder }> {
  const { rows } = await pg.raw(`select id, metadata ->> 'bench_template' as kind from "order" where metadata ->> 'bench_template' is not null`)
  const found = Object.fromEntries(rows.map((r: { id: string; kind: string }) => [r.kind, { order_id: r.id, amount: "100" }]))
  if (found.unpaid && found.paid) {
    return found as { unpaid: TemplateOrder; paid: TemplateOrder }
  }
  const region = await createGermanRegion(container)
  const make = (kind: string) =>
    createUnpaidOrder(container, { region_id: region.id, email: "template@example.com", items: [{ title: "Kaffee", quantity: 1, unit_price: 100 }], metadata: { bench_template: kind } })
  const unpaid = await make("unpaid")
  const paid = await make("paid")
  await markPaymentCollectionAsPaid(container).run({ input: { order_id: paid.order.id, payment_collection_id: paid.paymentCollection.id } })
  return { unpaid: { order_id: unpaid.order.id, amount: "100" }, paid: { order_id: paid.order.id, amount: "100" } }
}

async function seedCustomers(pg: Knex, upTo: number) {
  const { rows } = await pg.raw(`select count(*)::int as n from customer where id like 'cus_bench%'`)
  const from = rows[0].n
  for (let start = from; start < upTo; start += 10_000) {
    const ks = Array.from({ length: Math.min(10_000, upTo - start) }, (_, j) => start + j)
    await pg.raw(
      `insert into customer (id, first_name, last_name, company_name, email, has_account, created_at, updated_at)
       select u.id, u.first, u.last, u.company, u.email, true, now(), now()
         from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(id, first, last, company, email)`,
      [
        ks.map(customerId),
        ks.map((k) => FIRST[k % FIRST.length]),
        ks.map((k) => LAST[Math.floor(k / FIRST.length) % LAST.length]),
        // knex types array bindings without null elements; pg binds a null element as SQL NULL
        ks.map((k) => (k % 7 === 0 ? `${LAST[k % LAST.length]} & ${LAST[(k * 3) % LAST.length]} GmbH` : null)) as Knex.Value,
        ks.map((k) => `kunde${k}@example.com`),
      ]
    )
  }
}

function clone(i: number, customers: number, start: number): OrderClone {
  const k = i % customers
  const id = orderId(i)
  return {
    id,
    customer_id: customerId(k),
    email: `kunde${k}@example.com`,
    amount: amountOf(i),
    // three years of orders, oldest first
    created_at: new Date(start + i * 60_000).toISOString(),
    metadata: { payment_reference: derivePaymentReference(id) },
  }
}

export default async function shopInMedusa({ container }: ExecArgs) {
  const level = Number(process.env.BENCH_ORDERS ?? 100_000)
  const paymentsWanted = Number(process.env.BENCH_PAYMENTS ?? 10_000)
  const newOrders = Number(process.env.BENCH_NEW_ORDERS ?? 200)
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const rand = random(level)

  // --- the shop
  const seedStarted = process.hrtime.bigint()
  const template = await templates(container, pg)
  const customers = Math.max(1, Math.floor(level / 5))
  await seedCustomers(pg, customers)
  const { rows: counted } = await pg.raw(`select count(*)::int as n from "order" where id like 'order_bench%'`)
  const have: number = counted[0].n
  const epoch = Date.parse("2023-12-01T00:00:00Z")
  const fresh = Array.from({ length: Math.max(0, level - have) }, (_, j) => have + j)
  // every tenth order unpaid
  await cloneOrders(pg, template.unpaid, fresh.filter((i) => i % 10 === 0).map((i) => clone(i, customers, epoch)))
  await cloneOrders(pg, template.paid, fresh.filter((i) => i % 10 !== 0).map((i) => clone(i, customers, epoch)))
  await pg.raw(`analyze`)
  const seedSeconds = seconds(seedStarted)

  // --- the payments (what an import stores), after clearing the last level's
  await pg.raw(`delete from payment_assignment`)
  await pg.raw(`delete from bank_transaction`)
  let [account] = await service.listBankAccounts({ finapi_account_id: "bench" })
  if (!account) {
    const bankInterface = await service.createBankInterfaces({ name: "Bench bank" })
    const connection = await service.createBankConnections({ label: "Bench", interface_id: bankInterface.id })
    account = await service.createBankAccounts({ finapi_account_id: "bench", connection_id: connection.id, name: "Girokonto" } as never)
  }
  const { rows: unpaid } = await pg.raw(
    `select o.id, o.display_id, c.first_name, c.last_name, c.company_name from "order" o join customer c on c.id = o.customer_id
      where o.id like 'order_bench%' and substring(o.id from 12)::int % 10 = 0 order by o.id`
  )
  const payment = (n: number, amount: string, purpose: string, name: string, iban: string | null = null): ImportedTransactionInsert => {
    const bookingDate = new Date(Date.parse("2026-11-01T00:00:00Z") + (n % 28) * 86_400_000).toISOString()
    return {
      id: `btx_bench${pad(n)}`,
      account_id: account.id,
      finapi_transaction_id: `bench-${n}`,
      amount,
      currency_code: "EUR",
      booking_date: bookingDate,
      value_date: bookingDate,
      import_date: bookingDate,
      purpose,
      counterpart_name: name,
      counterpart_iban: iban,
      counterpart_bic: null,
      end_to_end_reference: null,
      mandate_reference: null,
      creditor_id: null,
      fingerprint: transactionFingerprint({ ownAccount: account.id, counterpartIban: iban, bookingDate: bookingDate.slice(0, 10), amount, currency: "EUR", endToEndReference: null, purpose }),
      is_potential_duplicate: false,
      duplicate_of_id: null,
      sync_run_id: "bench",
      raw: null,
    }
  }
  // a realistic mix: references, invoice and order numbers, name and amount only, partial, unrelated
  const rows: ImportedTransactionInsert[] = []
  for (let n = 0; n < paymentsWanted; n++) {
    const o = unpaid[(n * 7) % unpaid.length]
    const i = Number(o.id.slice(11))
    const amount = amountOf(i)
    const name = `${o.first_name} ${o.last_name}`
    const kind = rand()
    if (kind < 0.4) {
      rows.push(payment(n, amount, `${formatPaymentReference(derivePaymentReference(o.id))} Bestellung`, name))
    } else if (kind < 0.55) {
      rows.push(payment(n, amount, `Rechnung ${o.display_id} vielen Dank`, name))
    } else if (kind < 0.65) {
      rows.push(payment(n, amount, `Bestellung Nr. ${o.display_id}`, o.company_name ?? name))
    } else if (kind < 0.75) {
      rows.push(payment(n, amount, `Einkauf`, name))
    } else if (kind < 0.85) {
      rows.push(payment(n, (Number(amount) / 2).toFixed(2), `${formatPaymentReference(derivePaymentReference(o.id))} Anzahlung`, name))
    } else {
      rows.push(payment(n, (10 + rand() * 900).toFixed(2), `${OTHER[n % OTHER.length]} ${n}`, `Firma ${n % 500}`, `DE${String(10 ** 19 + n).slice(0, 20)}`))
    }
  }
  for (let start = 0; start < rows.length; start += 500) {
    await service.insertImportedTransactions(rows.slice(start, start + 500))
  }
  await pg.raw(`analyze bank_transaction`)

  // --- the engine alone, on what auto-assign reads
  const { matching } = await service.getOptions()
  let started = process.hrtime.bigint()
  const open = await loadOpenOrders(container)
  const openItemsSeconds = seconds(started)
  started = process.hrtime.bigint()
  const assignable = await loadAssignableTransactions(container, {})
  const paymentsSeconds = seconds(started)
  started = process.hrtime.bigint()
  const engine = matchTransactions({ transactions: assignable.transactions, openItems: open.items, options: matching })
  const engineSeconds = seconds(started)
  const engineAuto = engine.results.filter((r) => r.decision === "auto").length

  // --- auto-assign end to end: the import's events (500 ids each) → every decision stored
  const rssBefore = process.memoryUsage.rss()
  let rssPeak = rssBefore
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 20)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const ids = rows.map((r) => r.id)
  started = process.hrtime.bigint()
  for (let start = 0; start < ids.length; start += 500) {
    await eventBus.emit({ name: TRANSACTIONS_IMPORTED_EVENT, data: { sync_run_id: "bench", ids: ids.slice(start, start + 500), held_ids: [] } })
  }
  // the first payment still waiting, not a count of all (a count every 50 ms took ~0.3 s of the database's CPU in a 2.6 s run)
  const waiting = async () => (await pg.raw(`select exists (select 1 from bank_transaction where needs_matching and deleted_at is null) as waiting`)).rows[0].waiting as boolean
  while (await waiting()) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const endToEndSeconds = seconds(started)
  clearInterval(sampler)
  const { rows: outcome } = await pg.raw(`select status, source, count(*)::int as n from payment_assignment where deleted_at is null group by status, source`)

  // --- newly placed orders: half of them named by a payment that came first
  const { rows: maxRow } = await pg.raw(`select count(*)::int as n from "order" where id like 'order_bench%'`)
  const firstNew = Math.max(level, maxRow[0].n)
  const placed = Array.from({ length: newOrders }, (_, j) => clone(firstNew + j, customers, epoch))
  const early = placed.filter((_, j) => j % 2 === 0).map((o, j) =>
    payment(paymentsWanted + j, o.amount, `${formatPaymentReference(o.metadata.payment_reference as string)} Vorkasse`, "Vorab Zahler")
  )
  await service.insertImportedTransactions(early)
  // they were imported (and matched to nothing) before their orders existed
  await pg.raw(`update bank_transaction set needs_matching = false where id = any(?)`, [early.map((t) => t.id)])
  await cloneOrders(pg, template.unpaid, placed)
  const placedMs: number[] = []
  let placedMatched = 0
  for (const o of placed) {
    const t0 = process.hrtime.bigint()
    const { result } = await matchPlacedOrderWorkflow(container).run({ input: { order_id: o.id } })
    placedMs.push(seconds(t0) * 1000)
    placedMatched += result.auto
  }

  // --- the search projection as the worker's minute job keeps it (the seeded orders were copied by
  // SQL, so no order.placed subscriber wrote their rows); timed: its cost follows the open orders
  const projectionStarted = process.hrtime.bigint()
  await refreshOpenOrderSearchJob(container)
  const projectionSeconds = seconds(projectionStarted)

  // --- what the runner reads back and asks for
  const { rows: sample } = await pg.raw(
    `select o.id, (select (totals ->> 'current_order_total') from order_summary s where s.order_id = o.id) as total,
            substring(o.id from 12)::int % 10 = 0 as unpaid
       from "order" o where o.id like 'order_bench%' and substring(o.id from 12)::int < ? order by o.id limit 10`,
    [level]
  )
  const { token } = await createAdminUser(container, `bench-${level}-${Date.now()}@shop.test`)
  console.log(
    "BENCH_LEVEL " +
      JSON.stringify({
        orders: level,
        unpaid: unpaid.length,
        customers,
        payments: rows.length,
        seed_seconds: seedSeconds,
        open_items: open.items.length,
        open_items_seconds: openItemsSeconds,
        payments_load_seconds: paymentsSeconds,
        engine_seconds: engineSeconds,
        engine_auto: engineAuto,
        end_to_end_seconds: endToEndSeconds,
        end_to_end_rss_peak_mb: rssPeak / 2 ** 20,
        outcome,
        placed_p50_ms: quantile(placedMs, 0.5),
        placed_p95_ms: quantile(placedMs, 0.95),
        placed_matched: placedMatched,
        placed: placed.length,
        projection_seconds: projectionSeconds,
        sample: sample.map((s: { id: string; total: string; unpaid: boolean }) => ({ id: s.id, total: Number(s.total), unpaid: s.unpaid })),
        search_names: LAST.slice(0, 10),
        search_numbers: unpaid.slice(0, 50).map((o: { display_id: number }) => o.display_id),
        search_amounts: unpaid.slice(0, 50).map((o: { id: string }) => amountOf(Number(o.id.slice(11)))),
        token,
      })
  )
}
