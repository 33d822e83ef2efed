/** The Docker Hub code format plugin. */
package dev.breakglass.plugins.dockerhub;
