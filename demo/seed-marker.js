const { Client } = require("pg")

/**
 * Reads the marker the seed script writes last (store.metadata, see
 * app/src/seed/seed-marker.ts), so a second start skips booting Medusa just to
 * learn there is nothing to seed. Undefined before the first seed.
 */
async function findSeededAt(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select metadata->>'finapi_demo_seeded_at' as seeded_at from store where deleted_at is null limit 1`
    )
    return rows[0]?.seeded_at ?? undefined
  } catch (error) {
    // 42P01 = undefined_table: migrations have not run yet.
    if (error.code === "42P01") {
      return undefined
    }
    throw error
  } finally {
    await client.end()
  }
}

/**
 * Whether the store's default region offers the plugin's bank transfer. Demo databases seeded before
 * the demo registered the provider do not; the seed script adds it when it runs on such a database.
 */
async function offersBankTransfer(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select 1 from region_payment_provider rpp
         join store s on s.default_region_id = rpp.region_id and s.deleted_at is null
        where rpp.payment_provider_id = 'pp_bank-transfer_bank-transfer' and rpp.deleted_at is null
        limit 1`
    )
    return rows.length > 0
  } finally {
    await client.end()
  }
}

/** The token of the seeded "Demo-Storefront" publishable key, for the banner. */
async function findPublishableKey(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select token from api_key where title = 'Demo-Storefront' and type = 'publishable' and revoked_at is null and deleted_at is null limit 1`
    )
    return rows[0]?.token
  } finally {
    await client.end()
  }
}

module.exports = { findPublishableKey, findSeededAt, offersBankTransfer }
