// Command genmodels writes package mcp's response models, and their index
// for tests, from MCP's Swagger 2.0 document (see package genmodels). go
// generate in internal/mcp runs it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp/internal/genmodels"
)

func main() {
	specPath := flag.String("spec", "", "Swagger 2.0 document")
	outPath := flag.String("out", "", "Go file to write the models to")
	indexPath := flag.String("index", "", "Go test file to write the models' index to")
	verbose := flag.Bool("v", false, "report unified and prefixed definitions on stderr")
	flag.Parse()
	if *specPath == "" || *outPath == "" || *indexPath == "" {
		fmt.Fprintln(os.Stderr, "usage: genmodels -spec FILE -out FILE -index FILE [-v]")
		os.Exit(2)
	}
	if err := run(*specPath, *outPath, *indexPath, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "genmodels:", err)
		os.Exit(1)
	}
}

func run(specPath, outPath, indexPath string, verbose bool) error {
	spec, err := os.ReadFile(specPath)
	if err != nil {
		return err
	}
	log := io.Discard
	if verbose {
		log = os.Stderr
	}
	models, index, err := genmodels.Generate(spec, genmodels.Source(specPath), log)
	if err != nil {
		return err
	}
	if err := os.WriteFile(outPath, models, 0o644); err != nil {
		return err
	}
	return os.WriteFile(indexPath, index, 0o644)
}
