package mcp

// The response models, and their index for tests, are generated from MCP's
// Swagger document; TestModelsGenUpToDate holds the files to the generator.
//go:generate go run ./internal/genmodels/cmd/genmodels -spec ../../api/mcp-swagger.json -out models_gen.go -index models_index_gen_test.go
