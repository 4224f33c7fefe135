// Package contract holds the tests that hold the client, the models and the fake
// workspace to Intercom's own OpenAPI description (../shared/intercom-openapi-2.9.yaml,
// and 2.10 for ticket search). It has no code of its own.
package contract
