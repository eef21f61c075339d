const http = require("http")

function request(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume()
      resolve(res.statusCode)
    })
    req.on("error", () => resolve(undefined))
    req.setTimeout(2000, () => req.destroy())
  })
}

/** Polls until the URL answers with an accepted status; false on timeout or when `stillAlive()` says stop. */
async function waitForHttp(url, { timeoutMs, accept = (s) => s === 200, stillAlive = () => true }) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && stillAlive()) {
    const status = await request(url)
    if (status !== undefined && accept(status)) {
      return true
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return false
}

/** True when something already listens and answers HTTP on the URL. */
async function isAnswering(url) {
  return (await request(url)) !== undefined
}

module.exports = { waitForHttp, isAnswering }
