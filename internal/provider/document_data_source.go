package provider

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

var (
	_ datasource.DataSource              = (*documentDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*documentDataSource)(nil)
)

// NewDocumentDataSource is mcp_document.
func NewDocumentDataSource() datasource.DataSource { return &documentDataSource{} }

type documentDataSource struct {
	data *providerData
}

type documentDataSourceModel struct {
	Name          types.String `tfsdk:"name"`
	ContentBase64 types.String `tfsdk:"content_base64"`
	ContentType   types.String `tfsdk:"content_type"`
	Size          types.Int64  `tfsdk:"size"`
	SHA256        types.String `tfsdk:"sha256"`
}

// checkBlobName rejects what cannot be a blob name before MCP is asked.
func checkBlobName(s string) error {
	switch {
	case s == "":
		return errors.New("the blob name is empty: use a name that mcp_carrier reports, such as certificate-image/<guid>.pdf")
	case strings.TrimSpace(s) != s:
		return fmt.Errorf("%q starts or ends with white space", s)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return fmt.Errorf("%q contains a control character", s)
	}
	return nil
}

var blobNameValidator = stringCheck{
	description: "a blob name, such as certificate-image/<guid>.pdf",
	check:       checkBlobName,
}

func (d *documentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_document"
}

func (d *documentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Downloads a document MCP stores for a carrier (a certificate of insurance, a signed carrier agreement, " +
			"a W-9) by the blob name `mcp_carrier` reports, through MCP's GetDocument. Use it to keep a copy in your own storage, " +
			"for example with `local_file`'s `content_base64` or a cloud storage object.\n\n" +
			"The whole file is kept in the Terraform state (base64 makes it a third larger), so read the documents you need, " +
			"not every carrier's. MCP asks integrations to download a document once and keep it.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "The document's blob name, as `mcp_carrier` reports it, such as " +
					"`certificate-image/f9f10ed2-799a-4521-a09b-19fb088e16c2.pdf` or `company-agreement/12/f9f10ed2-799a-4521-a09b-19fb088e16c2`.",
				Required:   true,
				Validators: []validator.String{blobNameValidator},
			},
			"content_base64": sensitiveString("The file's bytes, base64-encoded. Sensitive: a W-9 carries the carrier's taxpayer ID."),
			"content_type":   computedString("The media type MCP sends with the file, such as `application/pdf`, or null when it sends none."),
			"size":           computedInt64("The file's size in bytes."),
			"sha256":         computedString("The SHA-256 digest of the file's bytes, in lower-case hex: a change shows that MCP holds a new file."),
		},
	}
}

func (d *documentDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *documentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config documentDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := config.Name.ValueString()
	doc, err := d.data.client.Documents.Get(ctx, name)
	if err != nil {
		addReadError(&resp.Diagnostics, "document", fmt.Sprintf("blob name %q", name), err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, documentFromAPI(doc))...)
}

// documentFromAPI maps a downloaded document to state.
func documentFromAPI(doc *mcp.Document) documentDataSourceModel {
	sum := sha256.Sum256(doc.Content)
	return documentDataSourceModel{
		Name:          types.StringValue(doc.Name),
		ContentBase64: types.StringValue(base64.StdEncoding.EncodeToString(doc.Content)),
		ContentType:   optionalString(doc.ContentType),
		Size:          types.Int64Value(int64(len(doc.Content))),
		SHA256:        types.StringValue(hex.EncodeToString(sum[:])),
	}
}
