/** What the module does at finAPI, each as one operation on a FinapiContext; the module service delegates here. */
export { connectFinapiUser, deleteFinapiUser } from "./finapi-users"
export {
  createBankConnectionWebForm,
  disconnectBankConnection,
  renewBankConnection,
  syncBankConnections,
  syncBankConnectionWebForm,
} from "./finapi-bank-connections"
export { importFinapiAccount, updateFinapiBankData } from "./finapi-account-import"
export { registerNewTransactionNotifications, removeNewTransactionNotifications } from "./finapi-notifications"
