// The login `npm run demo` creates and prints. Demo only: never reuse it.
module.exports = {
  email: "admin@finapi-demo.local",
  password: "finapi-demo-2026",
}
