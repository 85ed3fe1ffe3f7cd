// Shared by the API's validation and the web app's form check (pure: Vite bundles it by a relative
// path, as the other files of src/shared).

/**
 * The ISO 4217 codes a support policy's fee and an hour package are priced in (L3-03, L3-13):
 * the active currencies, committed so that validation does not change with the Node/ICU the API
 * or a browser happens to run (`Intl.supportedValuesOf('currency')` did; QA S17, S18).
 *
 * Source: ISO 4217 (list one, current currencies, maintained by SIX for ISO), as ICU 78.2 / CLDR 48
 * ships it in Node v20.20.2 (`Intl.supportedValuesOf('currency')`, 162 codes), read on 2026-11-30
 * without network access. Dropped from that list:
 * - withdrawn or being withdrawn by 2026: ANG (Netherlands Antillean guilder, replaced by XCG in
 *   2025), BGN (Bulgaria uses EUR since 2026-01-01), HRK (Croatia, EUR since 2023), SLL (replaced
 *   by SLE), ZWL (replaced by ZWG in 2024);
 * - units of account no client pays a support fee in: XDR (the IMF's special drawing right) and
 *   XSU (the ALBA's sucre). The other X-codes are real money and stay: XAF, XOF (CFA francs), XPF
 *   (CFP franc), XCD, XCG (East Caribbean dollar, Caribbean guilder).
 * Fund, metal and testing codes (MXV, USN, XAU, XTS, XXX…) were never in ICU's list and are not
 * here. A new ISO amendment is a one-line change here (and in the unit test).
 */
export const ISO_4217_ACTIVE: readonly string[] = `
AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF
KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN
MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD
SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH
UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG`
  .trim()
  .split(/\s+/);
