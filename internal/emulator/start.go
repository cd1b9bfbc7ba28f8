package emulator

// Instance is an emulator serving on a loopback port for one test (see
// package emulatortest, which starts them).
type Instance struct {
	*Server
	URL string // base URL, such as http://127.0.0.1:41234
}
