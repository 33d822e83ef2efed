/** The Heroku code format plugin. */
package dev.breakglass.plugins.heroku;
