/**
 * Browser tests: the running application driven through headless Chromium.
 */
package dev.breakglass.browser;
