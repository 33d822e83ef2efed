/** The PyPI code format plugin. */
package dev.breakglass.plugins.pypi;
