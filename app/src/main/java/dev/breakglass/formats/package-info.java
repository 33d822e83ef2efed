/**
 * Reading pasted backup codes: the limits every paste must meet, the generic parser, and the formats of
 * particular apps.
 */
package dev.breakglass.formats;
