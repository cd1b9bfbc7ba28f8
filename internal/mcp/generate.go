package mcp

// The response models are generated from MCP's Swagger document.
//go:generate go run ./internal/genmodels -spec ../../api/mcp-swagger.json -out models_gen.go
