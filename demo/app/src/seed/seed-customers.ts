import type { MedusaContainer } from "@medusajs/framework/types"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { demoCustomers } from "./data/customers"

/** Creates the customers with one default address each; returns ids by demo key. */
export async function seedCustomers(container: MedusaContainer) {
  const { result: customers } = await createCustomersWorkflow(container).run({
    input: {
      customersData: demoCustomers.map((c) => ({
        first_name: c.first_name,
        last_name: c.last_name,
        company_name: c.company_name,
        email: c.email,
        phone: c.phone,
        metadata: { demo_key: c.key },
        addresses: [
          {
            first_name: c.first_name,
            last_name: c.last_name,
            company: c.company_name,
            address_1: c.address_1,
            postal_code: c.postal_code,
            city: c.city,
            country_code: c.country_code,
            phone: c.phone,
            is_default_shipping: true,
            is_default_billing: true,
          },
        ],
      })),
    },
  })

  const customerIdByKey = new Map<string, string>()
  for (const customer of customers) {
    customerIdByKey.set(String(customer.metadata?.demo_key), customer.id)
  }
  return customerIdByKey
}
