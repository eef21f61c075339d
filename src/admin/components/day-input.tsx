import { DatePicker } from "@medusajs/ui"
import { dateToDay, dayToDate } from "../lib/days"

/**
 * A calendar day ("YYYY-MM-DD" in and out) in the admin's language: @medusajs/ui's DatePicker
 * follows the dashboard's locale (TT.MM.JJJJ in German), where a native `<input type="date">`
 * follows the browser's (mm/dd/yyyy in an English Chrome, whatever language the admin is in).
 */
export const DayInput = ({
  value,
  onChange,
  label,
  labelledBy,
  size = "base",
  modal = false,
}: {
  value?: string
  onChange: (day: string | undefined) => void
  label?: string
  labelledBy?: string
  size?: "base" | "small"
  modal?: boolean
}) => (
  <DatePicker
    aria-label={labelledBy ? undefined : label}
    aria-labelledby={labelledBy}
    size={size}
    modal={modal}
    granularity="day"
    value={dayToDate(value)}
    onChange={(date) => onChange(date ? dateToDay(date) : undefined)}
  />
)
