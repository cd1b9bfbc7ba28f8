package provider

import "os"

// QuietUnreadSDKLogs turns the plugin SDK's own logs (terraform-plugin-go's
// protocol logs and terraform-plugin-framework's) off when no TF_LOG
// variable asks for logs, so that Terraform would discard them. Left unset,
// they count as tracing: every RPC formats and writes lines nobody reads
// (a sixth of the provider's CPU time over 2,000 resources), and the
// framework's pass over a resource's state for write-only attributes adds a
// context layer per value that each trace check then walks, quadratic in
// the state's size (minutes for a list of 50,000 carriers). With any TF_LOG
// variable set, logging stays as asked. The provider's own tflog lines are
// not affected.
func QuietUnreadSDKLogs() {
	for _, name := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		if os.Getenv(name) != "" {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		_ = os.Setenv(name, "off")
	}
}
