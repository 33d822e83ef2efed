/** A real OpenID provider for the single sign-on tests, outside the application's packages so that no test context scans it. */
package testprovider;
