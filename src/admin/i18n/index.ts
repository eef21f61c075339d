import de from "./json/de.json"
import en from "./json/en.json"

// Merged into the dashboard's i18n; keys live under "finapi." so they never clash with core keys.
export default {
  en: { translation: en },
  de: { translation: de },
}
