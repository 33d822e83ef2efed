/** Format plugins that misbehave on purpose, packed into real plugin jars by the tests. */
package dev.breakglass.formats.misbehaving;
