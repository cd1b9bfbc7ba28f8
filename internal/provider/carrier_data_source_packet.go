package provider

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// The packet of mcp_carrier: what GetCarrierData answers beyond the Assure
// Advantage record, grouped for people who act on it.

type carrierPacketModel struct {
	Completed              types.Bool                        `tfsdk:"completed"`
	Status                 types.String                      `tfsdk:"status"`
	CompletedAt            types.String                      `tfsdk:"completed_at"`
	CreatedAt              types.String                      `tfsdk:"created_at"`
	LastModifiedAt         types.String                      `tfsdk:"last_modified_at"`
	Documents              *carrierPacketDocumentsModel      `tfsdk:"documents"`
	Agreements             []carrierPacketAgreementModel     `tfsdk:"agreements"`
	Company                *carrierPacketCompanyModel        `tfsdk:"company"`
	Contacts               *carrierPacketContactsModel       `tfsdk:"contacts"`
	Payment                *carrierPacketPaymentModel        `tfsdk:"payment"`
	Equipment              *carrierPacketEquipmentModel      `tfsdk:"equipment"`
	Drivers                *carrierPacketDriversModel        `tfsdk:"drivers"`
	CargoHauled            []string                          `tfsdk:"cargo_hauled"`
	CargoHauledOther       types.String                      `tfsdk:"cargo_hauled_other"`
	Lanes                  []string                          `tfsdk:"lanes"`
	Modes                  []string                          `tfsdk:"modes"`
	Certifications         *carrierPacketCertificationsModel `tfsdk:"certifications"`
	ELDProvider            *carrierPacketELDModel            `tfsdk:"eld_provider"`
	TINMatching            []carrierPacketTINMatchingModel   `tfsdk:"tin_matching"`
	W9Forms                []carrierPacketW9Model            `tfsdk:"w9_forms"`
	BrokersOutExtraFreight types.Bool                        `tfsdk:"brokers_out_extra_freight"`
	References             []string                          `tfsdk:"references"`
}

type carrierPacketDocumentsModel struct {
	CertificatesOfInsurance []string `tfsdk:"certificates_of_insurance"`
	W9Forms                 []string `tfsdk:"w9_forms"`
	SignedAgreements        []string `tfsdk:"signed_agreements"`
	CustomerAgreements      []string `tfsdk:"customer_agreements"`
}

type carrierPacketAgreementModel struct {
	Name                      types.String              `tfsdk:"name"`
	Active                    types.Bool                `tfsdk:"active"`
	OnCurrentAgreement        types.Bool                `tfsdk:"on_current_agreement"`
	SignedAt                  types.String              `tfsdk:"signed_at"`
	SignedBy                  *carrierPacketSignerModel `tfsdk:"signed_by"`
	IPAddress                 types.String              `tfsdk:"ip_address"`
	Latitude                  types.Float64             `tfsdk:"latitude"`
	Longitude                 types.Float64             `tfsdk:"longitude"`
	LocationMethod            types.String              `tfsdk:"location_method"`
	BlobNames                 []string                  `tfsdk:"blob_names"`
	CustomerAgreementBlobName types.String              `tfsdk:"customer_agreement_blob_name"`
}

type carrierPacketSignerModel struct {
	Name     types.String `tfsdk:"name"`
	Title    types.String `tfsdk:"title"`
	Email    types.String `tfsdk:"email"`
	Phone    types.String `tfsdk:"phone"`
	UserName types.String `tfsdk:"user_name"`
}

type carrierPacketAddressModel struct {
	Street  types.String `tfsdk:"street"`
	Street2 types.String `tfsdk:"street2"`
	City    types.String `tfsdk:"city"`
	State   types.String `tfsdk:"state"`
	ZipCode types.String `tfsdk:"zip_code"`
	Country types.String `tfsdk:"country"`
}

type carrierPacketCompanyModel struct {
	LegalName                types.String               `tfsdk:"legal_name"`
	DBAName                  types.String               `tfsdk:"dba_name"`
	SCAC                     types.String               `tfsdk:"scac"`
	Website                  types.String               `tfsdk:"website"`
	Email                    types.String               `tfsdk:"email"`
	Phone                    types.String               `tfsdk:"phone"`
	CellPhone                types.String               `tfsdk:"cell_phone"`
	Fax                      types.String               `tfsdk:"fax"`
	TollFreePhone            types.String               `tfsdk:"toll_free_phone"`
	EmergencyPhone           types.String               `tfsdk:"emergency_phone"`
	Address                  *carrierPacketAddressModel `tfsdk:"address"`
	MailingAddress           *carrierPacketAddressModel `tfsdk:"mailing_address"`
	Classifications          []string                   `tfsdk:"classifications"`
	ClassificationOther      types.String               `tfsdk:"classification_other"`
	FraudIdentityTheftStatus types.String               `tfsdk:"fraud_identity_theft_status"`
}

type carrierPacketPersonModel struct {
	Name  types.String `tfsdk:"name"`
	Phone types.String `tfsdk:"phone"`
	Email types.String `tfsdk:"email"`
}

type carrierPacketAfterHoursModel struct {
	Name  types.String `tfsdk:"name"`
	Phone types.String `tfsdk:"phone"`
	Fax   types.String `tfsdk:"fax"`
	From  types.String `tfsdk:"from"`
	To    types.String `tfsdk:"to"`
}

type carrierPacketDispatchServiceModel struct {
	Used  types.Bool   `tfsdk:"used"`
	Name  types.String `tfsdk:"name"`
	Phone types.String `tfsdk:"phone"`
}

type carrierPacketContactsModel struct {
	Owner               *carrierPacketPersonModel          `tfsdk:"owner"`
	OperationsManager   *carrierPacketPersonModel          `tfsdk:"operations_manager"`
	Claims              *carrierPacketPersonModel          `tfsdk:"claims"`
	SafetyManager       *carrierPacketPersonModel          `tfsdk:"safety_manager"`
	Dispatchers         []carrierPacketPersonModel         `tfsdk:"dispatchers"`
	DispatchService     *carrierPacketDispatchServiceModel `tfsdk:"dispatch_service"`
	AfterHoursWeekdays  *carrierPacketAfterHoursModel      `tfsdk:"after_hours_weekdays"`
	AfterHoursWeekends  *carrierPacketAfterHoursModel      `tfsdk:"after_hours_weekends"`
	AvailableLoadsEmail types.String                       `tfsdk:"available_loads_email"`
}

type carrierPacketPaymentTermModel struct {
	Term      types.String  `tfsdk:"term"`
	Days      types.Int64   `tfsdk:"days"`
	QuickPay  types.Bool    `tfsdk:"quick_pay"`
	FeeType   types.String  `tfsdk:"fee_type"`
	FeeAmount types.Float64 `tfsdk:"fee_amount"`
}

type carrierPacketFactoringModel struct {
	CompanyID         types.Int64                `tfsdk:"company_id"`
	CompanyName       types.String               `tfsdk:"company_name"`
	Email             types.String               `tfsdk:"email"`
	Phone             types.String               `tfsdk:"phone"`
	Address           *carrierPacketAddressModel `tfsdk:"address"`
	BankRoutingNumber types.String               `tfsdk:"bank_routing_number"`
	BankAccountNumber types.String               `tfsdk:"bank_account_number"`
}

type carrierPacketBankModel struct {
	Name          types.String `tfsdk:"name"`
	AccountName   types.String `tfsdk:"account_name"`
	AccountType   types.String `tfsdk:"account_type"`
	RoutingNumber types.String `tfsdk:"routing_number"`
	AccountNumber types.String `tfsdk:"account_number"`
	Address       types.String `tfsdk:"address"`
	Phone         types.String `tfsdk:"phone"`
	Fax           types.String `tfsdk:"fax"`
}

type carrierPacketPaymentModel struct {
	PayerType        types.String                    `tfsdk:"payer_type"`
	Methods          []string                        `tfsdk:"methods"`
	Terms            []carrierPacketPaymentTermModel `tfsdk:"terms"`
	Currency         types.String                    `tfsdk:"currency"`
	Require1099      types.Bool                      `tfsdk:"require_1099"`
	PayAdvanceOption types.String                    `tfsdk:"pay_advance_option"`
	RemitTo          *carrierPacketAddressModel      `tfsdk:"remit_to"`
	RemitEmail       types.String                    `tfsdk:"remit_email"`
	Factoring        *carrierPacketFactoringModel    `tfsdk:"factoring"`
	Bank             *carrierPacketBankModel         `tfsdk:"bank"`
}

type carrierPacketEquipmentModel struct {
	TruckTypes         []string               `tfsdk:"truck_types"`
	TruckTypeCounts    map[string]types.Int64 `tfsdk:"truck_type_counts"`
	TruckClasses       []string               `tfsdk:"truck_classes"`
	TruckClassOther    types.String           `tfsdk:"truck_class_other"`
	FleetSize          types.Int64            `tfsdk:"fleet_size"`
	PowerUnits         types.Int64            `tfsdk:"power_units"`
	Vehicles           types.Int64            `tfsdk:"vehicles"`
	Tractors           types.Int64            `tfsdk:"tractors"`
	Vans               types.Int64            `tfsdk:"vans"`
	Reefers            types.Int64            `tfsdk:"reefers"`
	Flatbeds           types.Int64            `tfsdk:"flatbeds"`
	StepDecks          types.Int64            `tfsdk:"step_decks"`
	Tanks              types.Int64            `tfsdk:"tanks"`
	OwnedTractors      types.Int64            `tfsdk:"owned_tractors"`
	OwnedTrucks        types.Int64            `tfsdk:"owned_trucks"`
	OwnedTrailers      types.Int64            `tfsdk:"owned_trailers"`
	TermLeasedTractors types.Int64            `tfsdk:"term_leased_tractors"`
	TermLeasedTrucks   types.Int64            `tfsdk:"term_leased_trucks"`
	TermLeasedTrailers types.Int64            `tfsdk:"term_leased_trailers"`
	TripLeasedTractors types.Int64            `tfsdk:"trip_leased_tractors"`
	TripLeasedTrucks   types.Int64            `tfsdk:"trip_leased_trucks"`
	TripLeasedTrailers types.Int64            `tfsdk:"trip_leased_trailers"`
	PowerOnly          types.Bool             `tfsdk:"power_only"`
	DropTrailer        types.Bool             `tfsdk:"drop_trailer"`
	SatelliteTracking  types.Bool             `tfsdk:"satellite_tracking"`
}

type carrierPacketDriverModel struct {
	Name        types.String `tfsdk:"name"`
	CellPhone   types.String `tfsdk:"cell_phone"`
	Comchek     types.Bool   `tfsdk:"comchek"`
	FuelAdvance types.Bool   `tfsdk:"fuel_advance"`
}

type carrierPacketDriversModel struct {
	Total                types.Int64                `tfsdk:"total"`
	CDLEmployed          types.Int64                `tfsdk:"cdl_employed"`
	MonthlyAverageLeased types.Int64                `tfsdk:"monthly_average_leased"`
	Interstate           types.Int64                `tfsdk:"interstate"`
	Intrastate           types.Int64                `tfsdk:"intrastate"`
	TeamDrivers          types.Bool                 `tfsdk:"team_drivers"`
	TrackedBy            types.String               `tfsdk:"tracked_by"`
	TrackedByOther       types.String               `tfsdk:"tracked_by_other"`
	OnlineGPSTracking    types.Bool                 `tfsdk:"online_gps_tracking"`
	Roster               []carrierPacketDriverModel `tfsdk:"roster"`
}

type carrierPacketCertificationsModel struct {
	Names                 []string     `tfsdk:"names"`
	HazmatNumber          types.String `tfsdk:"hazmat_number"`
	CTPATSVINumber        types.String `tfsdk:"ctpat_svi_number"`
	TankerEndorsedDrivers types.Int64  `tfsdk:"tanker_endorsed_drivers"`
}

type carrierPacketELDModel struct {
	ProviderName       types.String `tfsdk:"provider_name"`
	ProviderIdentifier types.String `tfsdk:"provider_identifier"`
	ComplianceStatus   types.String `tfsdk:"compliance_status"`
	Exemption          types.String `tfsdk:"exemption"`
	CompliantBy        types.String `tfsdk:"compliant_by"`
}

type carrierPacketTINMatchingModel struct {
	Name        types.String `tfsdk:"name"`
	Status      types.String `tfsdk:"status"`
	Result      types.String `tfsdk:"result"`
	SubmittedAt types.String `tfsdk:"submitted_at"`
	ProcessedAt types.String `tfsdk:"processed_at"`
}

type carrierPacketW9Model struct {
	Name                     types.String `tfsdk:"name"`
	BusinessName             types.String `tfsdk:"business_name"`
	FederalTaxClassification types.String `tfsdk:"federal_tax_classification"`
	LLCTaxClassification     types.String `tfsdk:"llc_tax_classification"`
	OtherClassification      types.String `tfsdk:"other_classification"`
	ExemptPayeeCode          types.String `tfsdk:"exempt_payee_code"`
	FATCAExemptionCode       types.String `tfsdk:"fatca_exemption_code"`
	Address                  types.String `tfsdk:"address"`
	City                     types.String `tfsdk:"city"`
	State                    types.String `tfsdk:"state"`
	ZipCode                  types.String `tfsdk:"zip_code"`
	SSN                      types.String `tfsdk:"ssn"`
	EIN                      types.String `tfsdk:"ein"`
	SignedAt                 types.String `tfsdk:"signed_at"`
	SignedBy                 types.String `tfsdk:"signed_by"`
	Active                   types.Bool   `tfsdk:"active"`
	BlobNames                []string     `tfsdk:"blob_names"`
}

// carrierPacketSchema is mcp_carrier's packet attribute.
func carrierPacketSchema() schema.SingleNestedAttribute {
	return computedObject("The packet the carrier completed for your company (MCP's GetCarrierData), read only with `include_packet = true`; "+
		"null otherwise. When the carrier has completed no packet for you, `completed` is `false`, "+
		"`documents.certificates_of_insurance` still lists its certificates (MCP answers them without a packet), and everything else is null. "+
		"It is stored in state, payment and tax details included: the ephemeral resource `mcp_carrier_packet` reads the same packet "+
		"without storing it, and is the better choice for them (Terraform 1.10 or OpenTofu 1.11 and later).",
		carrierPacketAttributes())
}

// carrierPacketAttributes are the packet's attributes, shared by mcp_carrier
// (its packet attribute) and the ephemeral mcp_carrier_packet (at its top
// level). Payment, bank and tax details are sensitive as a whole: a
// payment term says whom the carrier is paid through, and a W-9 holds the
// carrier's taxpayer ID.
func carrierPacketAttributes() map[string]schema.Attribute {
	address := func(what string) schema.SingleNestedAttribute {
		return computedObject(what, map[string]schema.Attribute{
			"street":   computedString("Street address."),
			"street2":  computedString("Second address line, or null."),
			"city":     computedString("City."),
			"state":    computedString("State or province code."),
			"zip_code": computedString("ZIP or postal code."),
			"country":  computedString("Country code."),
		})
	}
	person := func(what string) schema.SingleNestedAttribute {
		return computedObject(what, map[string]schema.Attribute{
			"name":  computedString("Name."),
			"phone": computedString("Phone number, or null when the packet gives none."),
			"email": computedString("E-mail address, or null when the packet gives none."),
		})
	}
	afterHours := func(what string) schema.SingleNestedAttribute {
		return computedObject(what, map[string]schema.Attribute{
			"name":  computedString("Who to call."),
			"phone": computedString("Phone number."),
			"fax":   computedString("Fax number, or null."),
			"from":  computedString("From what time, as the carrier wrote it (such as `17:00`)."),
			"to":    computedString("Until what time, as the carrier wrote it (such as `08:00`)."),
		})
	}
	return map[string]schema.Attribute{
		"completed": computedBool("Whether the carrier has completed your company's packet. `false` when MCP answers that the carrier has no agreement with you."),
		"status":    computedString("The packet status MCP records for your company, such as `Completed`."),
		"completed_at": computedString("When the carrier completed the packet (RFC 3339, UTC): when it signed your agreement; " +
			"the latest signature of an active agreement when there are several."),
		"created_at":       computedString("When the carrier's packet record was created (RFC 3339, UTC)."),
		"last_modified_at": computedString("When the carrier last changed its packet (RFC 3339, UTC)."),
		"documents": computedObject("Blob names of the carrier's documents, grouped by kind: give one to the `mcp_document` data source to download the file.", map[string]schema.Attribute{
			"certificates_of_insurance": computedStrings("Certificates of insurance (from the Assure Advantage record; present with or without a packet)."),
			"w9_forms":                  computedStrings("The carrier's W-9 forms."),
			"signed_agreements":         computedStrings("Your carrier agreement as the carrier signed it."),
			"customer_agreements":       computedStrings("Your company's own agreement document that the carrier signed."),
		}),
		"agreements": computedObjects("The carrier's signatures of your company's carrier agreement.", map[string]schema.Attribute{
			"name":                 computedString("The agreement's name."),
			"active":               computedBool("Whether this signature is the active one."),
			"on_current_agreement": computedBool("Whether the carrier signed the current version of the agreement."),
			"signed_at":            computedString("When the carrier signed (RFC 3339, UTC)."),
			"signed_by": computedObject("Who signed for the carrier.", map[string]schema.Attribute{
				"name":      computedString("The signer's name."),
				"title":     computedString("The signer's title, such as `Owner`."),
				"email":     computedString("The signer's e-mail address."),
				"phone":     computedString("The signer's phone number."),
				"user_name": computedString("The signer's MCP user name."),
			}),
			"ip_address":      computedString("The IP address the agreement was signed from."),
			"latitude":        computedFloat64("Latitude the agreement was signed at, as MCP located it."),
			"longitude":       computedFloat64("Longitude the agreement was signed at, as MCP located it."),
			"location_method": computedString("How MCP located the signer, such as `DeviceOrBrowser` or `IPAddress`."),
			"blob_names":      computedStrings("Blob names of the signed agreement (also in `documents.signed_agreements`)."),
			"customer_agreement_blob_name": computedString("Blob name of your company's agreement document that was signed " +
				"(also in `documents.customer_agreements`)."),
		}),
		"company": computedObject("The company details the carrier entered in the packet.", map[string]schema.Attribute{
			"legal_name":                  computedString("Legal name."),
			"dba_name":                    computedString("Doing-business-as name, or null."),
			"scac":                        computedString("Standard Carrier Alpha Code, or null."),
			"website":                     computedString("Website, or null."),
			"email":                       computedString("Company e-mail address."),
			"phone":                       computedString("Company phone number."),
			"cell_phone":                  computedString("Cell phone number."),
			"fax":                         computedString("Fax number."),
			"toll_free_phone":             computedString("Toll-free phone number."),
			"emergency_phone":             computedString("Emergency phone number."),
			"address":                     address("Physical address."),
			"mailing_address":             address("Mailing address."),
			"classifications":             computedStrings("Company classifications that apply, by MCP's names, such as `AuthForHire`, `MBE`, `WBE`, `VOSB`, `DBE`."),
			"classification_other":        computedString("Another classification the carrier wrote in, or null."),
			"fraud_identity_theft_status": computedString("MCP's fraud and identity-theft status of the packet, or null."),
		}),
		"contacts": computedObject("Whom to call at the carrier.", map[string]schema.Attribute{
			"owner":              person("The owner."),
			"operations_manager": person("The operations manager."),
			"claims":             person("The claims contact."),
			"safety_manager":     person("The manager of driver logs and safety."),
			"dispatchers": computedObjects("The dispatchers.", map[string]schema.Attribute{
				"name":  computedString("Name."),
				"phone": computedString("Phone number."),
				"email": computedString("E-mail address."),
			}),
			"dispatch_service": computedObject("An outside dispatch service the carrier uses.", map[string]schema.Attribute{
				"used":  computedBool("Whether the carrier uses a dispatch service."),
				"name":  computedString("The service's name, or null."),
				"phone": computedString("The service's phone number, or null."),
			}),
			"after_hours_weekdays":  afterHours("After-hours support on weekdays."),
			"after_hours_weekends":  afterHours("Support at weekends."),
			"available_loads_email": computedString("Where to send available loads, or null."),
		}),
		"payment": sensitiveObject("How the carrier is paid: terms, remittance, factoring and bank account.", map[string]schema.Attribute{
			"payer_type": computedString("Who is paid: `Carrier` or `Factoring Company`."),
			"methods":    computedStrings("Payment methods the carrier accepts, such as `ACH` or `Check`."),
			"terms": computedObjects("Payment terms the carrier chose.", map[string]schema.Attribute{
				"term":       computedString("The term, such as `Net 30` or `Quick Pay 2 Days`."),
				"days":       computedInt64("Days until payment."),
				"quick_pay":  computedBool("Whether it is a quick-pay term."),
				"fee_type":   computedString("How the quick-pay fee is charged, such as `Percent`, or null."),
				"fee_amount": computedFloat64("The quick-pay fee, in the unit of `fee_type`."),
			}),
			"currency":           computedString("Currency, such as `USD`."),
			"require_1099":       computedBool("Whether the carrier needs a Form 1099."),
			"pay_advance_option": computedString("The pay-advance option chosen, or null."),
			"remit_to":           address("Where payments to the carrier go."),
			"remit_email":        computedString("E-mail address for remittance advice."),
			"factoring": computedObject("The factoring company the carrier assigns its invoices to; null when it does not factor.", map[string]schema.Attribute{
				"company_id":          computedInt64("MCP's ID of the factoring company (as in MCP's factoring company directory)."),
				"company_name":        computedString("The factoring company's name."),
				"email":               computedString("The factoring company's remittance e-mail address."),
				"phone":               computedString("The factoring company's phone number."),
				"address":             address("The factoring company's remittance address."),
				"bank_routing_number": computedString("The factoring company's bank routing number."),
				"bank_account_number": computedString("The factoring company's bank account number."),
			}),
			"bank": computedObject("The carrier's own bank account; null when MCP has none (as when the carrier factors).", map[string]schema.Attribute{
				"name":           computedString("The bank's name."),
				"account_name":   computedString("The account holder's name."),
				"account_type":   computedString("The account type, such as `Checking`."),
				"routing_number": computedString("The bank routing number."),
				"account_number": computedString("The bank account number."),
				"address":        computedString("The bank's address, or null."),
				"phone":          computedString("The bank's phone number, or null."),
				"fax":            computedString("The bank's fax number, or null."),
			}),
		}),
		"equipment": computedObject("The carrier's equipment.", map[string]schema.Attribute{
			"truck_types": computedStrings("The truck and trailer types the carrier runs, by MCP's names, such as `Van`, `Reefer`, `Flatbed`, `StepDeck`, `HazmatTanker`."),
			"truck_type_counts": schema.MapAttribute{
				MarkdownDescription: "How many of each truck type the carrier has, keyed by the names in `truck_types`; " +
					"types the carrier gave no count for are left out.",
				Computed:    true,
				ElementType: types.Int64Type,
			},
			"truck_classes":        computedStrings("The truck classes the carrier runs, by MCP's names, such as `VansStandard`, `Reefers`, `Flatbeds`, `HazardousMaterials`."),
			"truck_class_other":    computedString("Another truck class the carrier wrote in, or null."),
			"fleet_size":           computedInt64("Fleet size."),
			"power_units":          computedInt64("Power units."),
			"vehicles":             computedInt64("Vehicles in all."),
			"tractors":             computedInt64("Tractors."),
			"vans":                 computedInt64("Vans."),
			"reefers":              computedInt64("Reefers."),
			"flatbeds":             computedInt64("Flatbeds."),
			"step_decks":           computedInt64("Step decks."),
			"tanks":                computedInt64("Tanks."),
			"owned_tractors":       computedInt64("Tractors owned."),
			"owned_trucks":         computedInt64("Trucks owned."),
			"owned_trailers":       computedInt64("Trailers owned."),
			"term_leased_tractors": computedInt64("Tractors on term lease."),
			"term_leased_trucks":   computedInt64("Trucks on term lease."),
			"term_leased_trailers": computedInt64("Trailers on term lease."),
			"trip_leased_tractors": computedInt64("Tractors on trip lease."),
			"trip_leased_trucks":   computedInt64("Trucks on trip lease."),
			"trip_leased_trailers": computedInt64("Trailers on trip lease."),
			"power_only":           computedBool("Whether the carrier offers power only."),
			"drop_trailer":         computedBool("Whether the carrier takes drop-trailer loads."),
			"satellite_tracking":   computedBool("Whether the trucks have satellite tracking equipment."),
		}),
		"drivers": computedObject("The carrier's drivers.", map[string]schema.Attribute{
			"total":                  computedInt64("Drivers in all (interstate and intrastate)."),
			"cdl_employed":           computedInt64("Drivers employed with a commercial driver's licence."),
			"monthly_average_leased": computedInt64("Leased drivers, monthly average."),
			"interstate":             computedInt64("Interstate drivers."),
			"intrastate":             computedInt64("Intrastate drivers."),
			"team_drivers":           computedBool("Whether the carrier runs team drivers."),
			"tracked_by":             computedString("How drivers are tracked, such as `ELD`."),
			"tracked_by_other":       computedString("Another tracking method the carrier wrote in, or null."),
			"online_gps_tracking":    computedBool("Whether you can follow the carrier's trucks by GPS online."),
			"roster": computedObjects("Drivers the carrier listed.", map[string]schema.Attribute{
				"name":         computedString("Driver's name."),
				"cell_phone":   computedString("Driver's cell phone number."),
				"comchek":      computedBool("Whether the driver accepts Comchek."),
				"fuel_advance": computedBool("Whether the driver takes fuel advances."),
			}),
		}),
		"cargo_hauled":       computedStrings("The cargo the carrier hauls, by MCP's names, such as `GeneralFreight`, `RefrigeratedFood`, `BuildingMaterials`."),
		"cargo_hauled_other": computedString("Other cargo the carrier wrote in, or null."),
		"lanes": computedStrings("Where the carrier runs, by MCP's names: countries (`UnitedStates`, `Canada`, `Mexico`), US regions " +
			"(`NortheastRegion`, `MidwestRegion`, `SouthRegion`, `WestRegion`), states and provinces (`Texas`, `Ontario`, `NuevoLeon`)."),
		"modes": computedStrings("The modes the carrier offers, by MCP's names: `Truckload`, `Partial`, `LessThanTruckLoad`, `Expedite`, " +
			"`Drayage`, `Intermodal`, `Rail`, `Air`, `Ocean`."),
		"certifications": computedObject("The carrier's certifications.", map[string]schema.Attribute{
			"names": computedStrings("Certifications held, by MCP's names, such as `Hazmat`, `SmartWay`, `CARB`, `TWIC`, `CTPATCertified`, " +
				"`TankerEndorsed`, `FAST`."),
			"hazmat_number":           computedString("The hazmat certificate number, or null."),
			"ctpat_svi_number":        computedString("The C-TPAT SVI number, or null."),
			"tanker_endorsed_drivers": computedInt64("How many drivers have a tanker endorsement."),
		}),
		"eld_provider": computedObject("The carrier's electronic logging device (ELD).", map[string]schema.Attribute{
			"provider_name":       computedString("The ELD provider, such as `Samsara`."),
			"provider_identifier": computedString("The carrier's identifier with the ELD provider."),
			"compliance_status":   computedString("ELD compliance status, such as `Compliant`."),
			"exemption":           computedString("The ELD exemption claimed, or null."),
			"compliant_by":        computedString("How the carrier complies, or null."),
		}),
		"tin_matching": sensitiveObjects("MCP's checks of the carrier's taxpayer identification number (TIN) and name against IRS records. "+
			"The TIN itself is not shown here; see `w9_forms`.", map[string]schema.Attribute{
			"name":         computedString("The name checked with the TIN."),
			"status":       computedString("Status of the check, such as `Processed`."),
			"result":       computedString("The IRS result, such as `TIN and Name combination matches IRS records`."),
			"submitted_at": computedString("When the check was submitted (RFC 3339, UTC)."),
			"processed_at": computedString("When the check was processed (RFC 3339, UTC)."),
		}),
		"w9_forms": sensitiveObjects("The carrier's W-9 forms, with its taxpayer ID.", map[string]schema.Attribute{
			"name":          computedString("Name (line 1)."),
			"business_name": computedString("Business name (line 2)."),
			"federal_tax_classification": computedString("The box checked for federal tax classification: `individual_or_single_member_llc`, " +
				"`c_corporation`, `s_corporation`, `partnership`, `trust_or_estate`, `limited_liability_company` or `other`; null when none is."),
			"llc_tax_classification": computedString("For a limited liability company, its tax classification: `C`, `S` or `P`; null otherwise."),
			"other_classification":   computedString("The classification written in for `other`, or null."),
			"exempt_payee_code":      computedString("Exempt payee code, or null."),
			"fatca_exemption_code":   computedString("FATCA reporting exemption code, or null."),
			"address":                computedString("Street address."),
			"city":                   computedString("City."),
			"state":                  computedString("State code."),
			"zip_code":               computedString("ZIP code."),
			"ssn":                    computedString("Social security number, or null."),
			"ein":                    computedString("Employer identification number, or null."),
			"signed_at":              computedString("When the form was signed (RFC 3339, UTC)."),
			"signed_by":              computedString("Who signed the form."),
			"active":                 computedBool("Whether this is the carrier's active W-9."),
			"blob_names":             computedStrings("Blob names of the form's images (also in `documents.w9_forms`)."),
		}),
		"brokers_out_extra_freight": computedBool("Whether the carrier says it brokers out freight it cannot haul itself: " +
			"check this against your double-brokering policy."),
		"references": computedStrings("Trade references the carrier gave."),
	}
}

// readPacket reads the carrier's GetCarrierData, reporting a failure as
// the data sources do; nil when it failed.
func (a carrierArguments) readPacket(ctx context.Context, client *mcp.Client, diags *diag.Diagnostics) *mcp.CarrierData {
	data, err := client.Carriers.Data(ctx, a.lookup)
	if err != nil {
		a.addReadError(diags, "carrier packet", err)
		return nil
	}
	if data.CarrierPacket == nil {
		tflog.Debug(ctx, "carrier has no packet with the customer", map[string]any{"carrier": a.lookup.String(), "message": data.Message})
	}
	return data
}

// carrierPacketFromAPI maps GetCarrierData. Without a packet only the
// certificates of insurance are known.
func carrierPacketFromAPI(d *mcp.CarrierData) *carrierPacketModel {
	m := &carrierPacketModel{
		Completed:              types.BoolValue(d.CarrierPacket != nil),
		Status:                 types.StringNull(),
		CompletedAt:            types.StringNull(),
		CreatedAt:              types.StringNull(),
		LastModifiedAt:         types.StringNull(),
		Documents:              &carrierPacketDocumentsModel{CertificatesOfInsurance: certificateBlobNames(d.AssureAdvantage)},
		CargoHauledOther:       types.StringNull(),
		BrokersOutExtraFreight: types.BoolNull(),
	}
	p := d.CarrierPacket
	if p == nil {
		return m
	}
	for _, s := range p.CarrierCustomerPacketStatuses {
		if s.CarrierPacketStatus != "" {
			m.Status = types.StringValue(s.CarrierPacketStatus)
			break
		}
	}
	m.CompletedAt = optionalTime(packetCompletedAt(p.CarrierCustomerAgreements))
	m.CreatedAt = optionalTime(p.CreatedDateTime.Time)
	m.LastModifiedAt = optionalTime(p.ModifiedDateTime.Time)

	docs := m.Documents
	docs.W9Forms, docs.SignedAgreements, docs.CustomerAgreements = []string{}, []string{}, []string{}
	m.Agreements = make([]carrierPacketAgreementModel, 0, len(p.CarrierCustomerAgreements))
	for _, a := range p.CarrierCustomerAgreements {
		am := carrierPacketAgreementFromAPI(a)
		m.Agreements = append(m.Agreements, am)
		docs.SignedAgreements = appendNew(docs.SignedAgreements, am.BlobNames...)
		docs.CustomerAgreements = appendNew(docs.CustomerAgreements, am.CustomerAgreementBlobName.ValueString())
	}
	m.W9Forms = make([]carrierPacketW9Model, 0, len(p.CarrierW9Forms))
	for _, w := range p.CarrierW9Forms {
		wm := carrierPacketW9FromAPI(w)
		m.W9Forms = append(m.W9Forms, wm)
		docs.W9Forms = appendNew(docs.W9Forms, wm.BlobNames...)
	}

	m.Company = carrierPacketCompanyFromAPI(p)
	m.Contacts = carrierPacketContactsFromAPI(p)
	m.Payment = carrierPacketPaymentFromAPI(p)
	m.Equipment = carrierPacketEquipmentFromAPI(p)
	m.Drivers = carrierPacketDriversFromAPI(p)
	m.CargoHauled = flagNames(p.CarrierCargoHauled)
	if p.CarrierCargoHauled != nil {
		m.CargoHauledOther = optionalString(p.CarrierCargoHauled.Other)
	}
	m.Lanes = flagNames(p.CarrierLane)
	m.Modes = flagNames(p.CarrierMode)
	if c := p.CarrierCertification; c != nil {
		m.Certifications = &carrierPacketCertificationsModel{
			Names:                 flagNames(c),
			HazmatNumber:          optionalString(c.HazmatNumber),
			CTPATSVINumber:        optionalString(c.CTPATSVINumber),
			TankerEndorsedDrivers: types.Int64Value(int64(c.TankerEndorsedNumOfDrivers)),
		}
	}
	if e := p.CarrierELDProvider; e != nil {
		m.ELDProvider = &carrierPacketELDModel{
			ProviderName:       optionalString(e.ProviderName),
			ProviderIdentifier: optionalString(e.ProviderIdentifier),
			ComplianceStatus:   optionalString(e.ComplianceStatus),
			Exemption:          optionalString(e.Exemption),
			CompliantBy:        optionalString(e.CompliantBy),
		}
	}
	m.TINMatching = mapSlice(p.CarrierTINMatchings, func(t mcp.CarrierTINMatching) carrierPacketTINMatchingModel {
		return carrierPacketTINMatchingModel{
			Name:        optionalString(t.TINName),
			Status:      optionalString(t.MatchingStatus),
			Result:      optionalString(t.MatchingResult),
			SubmittedAt: optionalTime(t.SubmittedOnUtc.Time),
			ProcessedAt: optionalTime(t.ProcessedOnUtc.Time),
		}
	})
	m.BrokersOutExtraFreight = types.BoolValue(p.BrokerOutExtraFreight)
	m.References = appendNew([]string{}, p.References1, p.References2, p.References3)
	return m
}

// certificateBlobNames lists the certificate-of-insurance blobs of the
// Assure Advantage records.
func certificateBlobNames(records []mcp.FMCSACarrier) []string {
	out := []string{}
	for _, r := range records {
		if r.CarrierDetails == nil || r.CarrierDetails.CertData == nil {
			continue
		}
		for _, c := range r.CarrierDetails.CertData.Certificate {
			out = appendNew(out, c.BlobName)
		}
	}
	return out
}

// packetCompletedAt is when the carrier signed the customer's agreement: the
// latest signature of an active agreement, else the latest of any.
func packetCompletedAt(agreements []mcp.CarrierCustomerAgreement) time.Time {
	var active, latest time.Time
	for _, a := range agreements {
		t := a.SignatureDate.Time
		if t.After(latest) {
			latest = t
		}
		if a.IsActive && t.After(active) {
			active = t
		}
	}
	if !active.IsZero() {
		return active
	}
	return latest
}

func carrierPacketAgreementFromAPI(a mcp.CarrierCustomerAgreement) carrierPacketAgreementModel {
	m := carrierPacketAgreementModel{
		Name:               types.StringNull(),
		Active:             types.BoolValue(a.IsActive),
		OnCurrentAgreement: types.BoolValue(a.OnCurrentCustomerAgreement),
		SignedAt:           optionalTime(a.SignatureDate.Time),
		SignedBy: &carrierPacketSignerModel{
			Name:     optionalString(a.SignaturePerson),
			Title:    optionalString(a.SignaturePersonTitle),
			Email:    optionalString(a.SignaturePersonEmail),
			Phone:    optionalString(a.SignaturePersonPhoneNumber),
			UserName: optionalString(a.SignaturePersonUserName),
		},
		IPAddress:                 optionalString(a.IPAddress),
		Latitude:                  types.Float64Value(a.GeoLocLat),
		Longitude:                 types.Float64Value(a.GeoLocLng),
		LocationMethod:            optionalString(a.GeoLocMethod),
		BlobNames:                 []string{},
		CustomerAgreementBlobName: types.StringNull(),
	}
	if a.GeoLocLat == 0 && a.GeoLocLng == 0 {
		m.Latitude, m.Longitude = types.Float64Null(), types.Float64Null()
	}
	for _, img := range a.CarrierCustomerAgreementImages {
		m.BlobNames = appendNew(m.BlobNames, img.BlobName)
	}
	if ca := a.CustomerAgreement; ca != nil {
		m.Name = optionalString(ca.AgreementName)
		m.CustomerAgreementBlobName = optionalString(ca.BlobName)
	}
	return m
}

// w9Classifications are the W-9 boxes for federal tax classification, in
// the form's order.
var w9Classifications = []struct {
	name string
	set  func(mcp.CarrierW9Form) bool
}{
	{"individual_or_single_member_llc", func(w mcp.CarrierW9Form) bool { return w.IndividualOrSingleMemberLLC }},
	{"c_corporation", func(w mcp.CarrierW9Form) bool { return w.CCorporation }},
	{"s_corporation", func(w mcp.CarrierW9Form) bool { return w.SCorporation }},
	{"partnership", func(w mcp.CarrierW9Form) bool { return w.Partnership }},
	{"trust_or_estate", func(w mcp.CarrierW9Form) bool { return w.TrustOrEstate }},
	{"limited_liability_company", func(w mcp.CarrierW9Form) bool { return w.LimitedLiabilityCompany }},
	{"other", func(w mcp.CarrierW9Form) bool { return w.Other }},
}

func carrierPacketW9FromAPI(w mcp.CarrierW9Form) carrierPacketW9Model {
	m := carrierPacketW9Model{
		Name:                     optionalString(w.FullName),
		BusinessName:             optionalString(w.BusinessName),
		FederalTaxClassification: types.StringNull(),
		LLCTaxClassification:     types.StringNull(),
		OtherClassification:      optionalString(w.OtherDetail),
		ExemptPayeeCode:          optionalString(w.ExemptPayeeCode),
		FATCAExemptionCode:       optionalString(w.ExemptionFATCACode),
		Address:                  optionalString(w.Address),
		City:                     optionalString(w.City),
		State:                    optionalString(w.State),
		ZipCode:                  optionalString(w.ZipCode),
		SSN:                      optionalString(w.SSN),
		EIN:                      optionalString(w.EIN),
		SignedAt:                 optionalTime(w.SignatureDate.Time),
		SignedBy:                 optionalString(w.SignaturePerson),
		Active:                   types.BoolValue(w.IsActive),
		BlobNames:                []string{},
	}
	for _, c := range w9Classifications {
		if c.set(w) {
			m.FederalTaxClassification = types.StringValue(c.name)
			break
		}
	}
	if w.LimitedLiabilityCompany {
		m.LLCTaxClassification = optionalString(w.TaxClassification)
	}
	for _, img := range w.CarrierW9FormImages {
		m.BlobNames = appendNew(m.BlobNames, img.BlobName)
	}
	return m
}

func carrierPacketCompanyFromAPI(p *mcp.CarrierPacket) *carrierPacketCompanyModel {
	m := &carrierPacketCompanyModel{
		LegalName:      optionalString(p.LegalName),
		DBAName:        optionalString(p.DBAName),
		SCAC:           optionalString(p.SCAC),
		Website:        optionalString(p.Website),
		Email:          optionalString(p.Email),
		Phone:          optionalString(p.Phone),
		CellPhone:      optionalString(p.CellPhone),
		Fax:            optionalString(p.Fax),
		TollFreePhone:  optionalString(p.FreePhone),
		EmergencyPhone: optionalString(p.EmergencyPhone),
		Address:        packetAddress(p.Address1, p.Address2, p.City, p.State, p.Zipcode, p.Country),
		MailingAddress: packetAddress(p.MailingAddress1, p.MailingAddress2, p.MailingCity, p.MailingState,
			p.MailingZipcode, p.MailingCountry),
		ClassificationOther:      types.StringNull(),
		FraudIdentityTheftStatus: optionalString(p.FraudIdentityTheftStatus),
	}
	if c := p.CarrierCompanyClassification; c != nil {
		m.Classifications = flagNames(c)
		m.ClassificationOther = optionalString(c.Other)
	}
	return m
}

func carrierPacketContactsFromAPI(p *mcp.CarrierPacket) *carrierPacketContactsModel {
	return &carrierPacketContactsModel{
		Owner:             packetPerson(p.OwnerContactName, p.OwnerContactPhone, p.OwnerContactEmail),
		OperationsManager: packetPerson(p.OperationManagerName, "", ""),
		Claims:            packetPerson(p.ClaimsContactName, p.ClaimsContactPhone, p.ClaimsContactEmail),
		SafetyManager:     packetPerson(p.DriverLogsSafeyDeptManagerName, p.DriverLogsSafeyDeptManagerPhone, ""),
		Dispatchers: mapSlice(p.CarrierDispatchers, func(d mcp.CarrierDispatcher) carrierPacketPersonModel {
			return carrierPacketPersonModel{
				Name: optionalString(d.DispatcherName), Phone: optionalString(d.PhoneNumber), Email: optionalString(d.Email),
			}
		}),
		DispatchService: &carrierPacketDispatchServiceModel{
			Used:  types.BoolValue(p.DispatchServiceUsed),
			Name:  optionalString(p.DispatchServiceName),
			Phone: optionalString(p.DispatchServicePhone),
		},
		AfterHoursWeekdays: packetAfterHours(p.AfterHrsWkDaySupportName, p.AfterHrsWkDaySupportPhone, p.AfterHrsWkDaySupportFax,
			p.AfterHrsWkDaySupportFrom, p.AfterHrsWkDaySupportTo),
		AfterHoursWeekends: packetAfterHours(p.AfterHrsWkEndSupportName, p.AfterHrsWkEndSupportPhone, p.AfterHrsWkEndSupportFax,
			p.AfterHrsWkEndSupportFrom, p.AfterHrsWkEndSupportTo),
		AvailableLoadsEmail: optionalString(p.AvailableLoadsEmail),
	}
}

func carrierPacketPaymentFromAPI(p *mcp.CarrierPacket) *carrierPacketPaymentModel {
	m := &carrierPacketPaymentModel{
		PayerType:        types.StringNull(),
		Methods:          []string{},
		Terms:            make([]carrierPacketPaymentTermModel, 0, len(p.CarrierPaymentTerms)),
		Currency:         types.StringNull(),
		Require1099:      types.BoolNull(),
		PayAdvanceOption: types.StringNull(),
		RemitEmail:       types.StringNull(),
	}
	if p.CarrierPayerType != nil {
		m.PayerType = optionalString(p.CarrierPayerType.Name)
	}
	for _, t := range p.CarrierPaymentTypes {
		if pt := t.PaymentType; pt != nil {
			name := pt.Type
			if pt.PaymentType != nil && pt.PaymentType.Name != "" {
				name = pt.PaymentType.Name
			}
			m.Methods = appendNew(m.Methods, name)
		}
	}
	for _, t := range p.CarrierPaymentTerms {
		if pt := t.PaymentTerm; pt != nil {
			m.Terms = append(m.Terms, carrierPacketPaymentTermModel{
				Term: optionalString(pt.Term), Days: types.Int64Value(int64(pt.Days)), QuickPay: types.BoolValue(pt.QuickPay),
				FeeType: optionalString(pt.PaymentFeeType), FeeAmount: types.Float64Value(pt.PaymentFeeAmount),
			})
		}
	}
	info := p.CarrierPaymentInfo
	if info != nil {
		m.Currency = optionalString(info.RemitCurrency)
		m.Require1099 = types.BoolValue(info.Require1099)
		m.PayAdvanceOption = optionalString(info.PayAdvanceOptionType)
		m.RemitTo = packetAddress(info.RemitAddress1, info.RemitAddress2, info.RemitCity, info.RemitState, info.RemitZipCode, info.RemitCountry)
		m.RemitEmail = optionalString(info.RemitEmail)
	}
	// CarrierRemit is the carrier's own remit-to record; it wins over the
	// copy in the payment info.
	if r := p.CarrierRemit; r != nil {
		m.RemitTo = packetAddress(r.CarrierRemitAddress1, r.CarrierRemitAddress2, r.CarrierRemitCity, r.CarrierRemitStateProvince,
			r.CarrierRemitZipCode, r.CarrierRemitCountry)
		if r.CarrierRemitEmail != "" {
			m.RemitEmail = types.StringValue(r.CarrierRemitEmail)
		}
	}
	if f := p.FactoringRemit; f != nil && (f.FactoringCompanyID != 0 || f.FactoringCompanyName != "") {
		m.Factoring = &carrierPacketFactoringModel{
			CompanyID:   types.Int64Value(int64(f.FactoringCompanyID)),
			CompanyName: optionalString(f.FactoringCompanyName),
			Email:       optionalString(f.FactoringRemitEmail),
			Phone:       optionalString(f.FactoringPhone),
			Address: packetAddress(f.FactoringRemitAddress, f.FactoringRemitAddress2, f.FactoringRemitCity, f.FactoringRemitStateProvince,
				f.FactoringRemitZipcode, f.FactoringRemitCountry),
			BankRoutingNumber: optionalString(f.BankRoutingNumber),
			BankAccountNumber: optionalString(f.BankAccountNumber),
		}
		if f.FactoringCompanyID == 0 {
			m.Factoring.CompanyID = types.Int64Null()
		}
	}
	switch b := p.CarrierBank; {
	case b != nil:
		m.Bank = &carrierPacketBankModel{
			Name: optionalString(b.CarrierBankName), AccountName: optionalString(b.CarrierBankAccountName),
			AccountType: optionalString(b.CarrierBankAccountType), RoutingNumber: optionalString(b.CarrierBankRoutingNumber),
			AccountNumber: optionalString(b.CarrierBankAccountNumber), Address: optionalString(b.CarrierBankAddress),
			Phone: optionalString(b.CarrierBankPhone), Fax: optionalString(b.CarrierBankFax),
		}
	case info != nil && (info.BankRoutingNumber != "" || info.BankAccountNumber != ""):
		m.Bank = &carrierPacketBankModel{
			Name: optionalString(info.BankName), AccountName: optionalString(info.BankAccountName),
			AccountType: optionalString(info.BankAccountType), RoutingNumber: optionalString(info.BankRoutingNumber),
			AccountNumber: optionalString(info.BankAccountNumber), Address: optionalString(info.BankAddress),
			Phone: optionalString(info.BankPhone), Fax: optionalString(info.BankFax),
		}
	}
	return m
}

func carrierPacketEquipmentFromAPI(p *mcp.CarrierPacket) *carrierPacketEquipmentModel {
	if p.CarrierTruckType == nil && p.CarrierTruckClass == nil && p.CarrierOperationalDetail == nil {
		return nil
	}
	null := types.Int64Null()
	m := &carrierPacketEquipmentModel{
		TruckClassOther: types.StringNull(),
		FleetSize:       null, PowerUnits: null, Vehicles: null, Tractors: null, Vans: null, Reefers: null, Flatbeds: null,
		StepDecks: null, Tanks: null, OwnedTractors: null, OwnedTrucks: null, OwnedTrailers: null,
		TermLeasedTractors: null, TermLeasedTrucks: null, TermLeasedTrailers: null,
		TripLeasedTractors: null, TripLeasedTrucks: null, TripLeasedTrailers: null,
		PowerOnly: types.BoolNull(), DropTrailer: types.BoolNull(), SatelliteTracking: types.BoolNull(),
	}
	m.TruckTypes, m.TruckTypeCounts = truckTypes(p.CarrierTruckType)
	if c := p.CarrierTruckClass; c != nil {
		m.TruckClasses = flagNames(c)
		m.TruckClassOther = optionalString(c.Other)
	}
	if od := p.CarrierOperationalDetail; od != nil {
		n := func(v int) types.Int64 { return types.Int64Value(int64(v)) }
		m.FleetSize, m.PowerUnits, m.Vehicles = n(od.FleetSize), n(od.TotalPowerUnits), n(od.NumberOfVehicles)
		m.Tractors, m.Vans, m.Reefers, m.Flatbeds = n(od.NumberOfTractors), n(od.NumberOfVans), n(od.NumberOfReefers), n(od.NumberOfFlats)
		m.StepDecks, m.Tanks = n(od.NumberOfStepDecks), n(od.NumberOfTanks)
		m.OwnedTractors, m.OwnedTrucks, m.OwnedTrailers = n(od.OwnedTractors), n(od.OwnedTrucks), n(od.OwnedTrailers)
		m.TermLeasedTractors, m.TermLeasedTrucks, m.TermLeasedTrailers = n(od.TermLeasedTractors), n(od.TermLeasedTrucks), n(od.TermLeasedTrailers)
		m.TripLeasedTractors, m.TripLeasedTrucks, m.TripLeasedTrailers = n(od.TripLeasedTractors), n(od.TripLeasedTrucks), n(od.TripLeasedTrailers)
		m.PowerOnly, m.DropTrailer, m.SatelliteTracking = types.BoolValue(od.PowerOnly), types.BoolValue(od.DropTrailer), types.BoolValue(od.SatelliteEquipment)
	}
	return m
}

func carrierPacketDriversFromAPI(p *mcp.CarrierPacket) *carrierPacketDriversModel {
	null := types.Int64Null()
	m := &carrierPacketDriversModel{
		Total: null, CDLEmployed: null, MonthlyAverageLeased: null, Interstate: null, Intrastate: null,
		TeamDrivers:       types.BoolNull(),
		TrackedBy:         optionalString(p.DriversTrackedBy),
		TrackedByOther:    optionalString(p.DriversTrackedByOtherMethod),
		OnlineGPSTracking: types.BoolValue(p.AccessOnlineGPSTracking),
		Roster: mapSlice(p.CarrierDrivers, func(d mcp.CarrierDriver) carrierPacketDriverModel {
			return carrierPacketDriverModel{
				Name: optionalString(d.DriverName), CellPhone: optionalString(d.CellPhone),
				Comchek: types.BoolValue(d.ComCheck), FuelAdvance: types.BoolValue(d.FuelAdvance),
			}
		}),
	}
	if od := p.CarrierOperationalDetail; od != nil {
		m.Total = types.Int64Value(int64(od.InterstateAndIntrastateDrivers))
		m.CDLEmployed = types.Int64Value(int64(od.CDLEmployedDrivers))
		m.MonthlyAverageLeased = types.Int64Value(int64(od.MonthlyAverageLeasedDrivers))
		m.Interstate = types.Int64Value(int64(od.InterstateDriversTotal))
		m.Intrastate = types.Int64Value(int64(od.IntrastateDriversTotal))
		m.TeamDrivers = types.BoolValue(od.TeamDrivers)
	}
	return m
}

func packetAddress(street, street2, city, state, zip, country string) *carrierPacketAddressModel {
	return &carrierPacketAddressModel{
		Street: optionalString(street), Street2: optionalString(street2), City: optionalString(city),
		State: optionalString(state), ZipCode: optionalString(zip), Country: optionalString(country),
	}
}

// packetPerson is a contact, or null when the packet names nobody.
func packetPerson(name, phone, email string) *carrierPacketPersonModel {
	if name == "" && phone == "" && email == "" {
		return nil
	}
	return &carrierPacketPersonModel{Name: optionalString(name), Phone: optionalString(phone), Email: optionalString(email)}
}

// packetAfterHours is an after-hours contact, or null when there is none.
func packetAfterHours(name, phone, fax, from, to string) *carrierPacketAfterHoursModel {
	if name == "" && phone == "" && fax == "" && from == "" && to == "" {
		return nil
	}
	return &carrierPacketAfterHoursModel{
		Name: optionalString(name), Phone: optionalString(phone), Fax: optionalString(fax),
		From: optionalString(from), To: optionalString(to),
	}
}

// flagNames lists, by MCP's JSON names, the true boolean fields of the
// struct p points to, in MCP's order: an empty list when none is true, nil
// (null) when p is nil.
func flagNames(p any) []string {
	rv := reflect.ValueOf(p)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil
	}
	rv = rv.Elem()
	out := []string{}
	for i := range rv.NumField() {
		if f := rv.Field(i); f.Kind() == reflect.Bool && f.Bool() {
			out = append(out, jsonName(rv.Type().Field(i)))
		}
	}
	return out
}

// truckTypes lists the truck types set in MCP's 142 pairs of X (a
// boolean) and XCount, and the counts above zero of those types. The
// boolean decides: a count for a type that is not set is ignored.
func truckTypes(t *mcp.CarrierTruckType) ([]string, map[string]types.Int64) {
	if t == nil {
		return nil, nil
	}
	rv := reflect.ValueOf(t).Elem()
	rt := rv.Type()
	names, counts := []string{}, map[string]types.Int64{}
	for i := range rv.NumField() {
		if f := rv.Field(i); f.Kind() != reflect.Bool || !f.Bool() {
			continue
		}
		name := jsonName(rt.Field(i))
		names = append(names, name)
		if c := rv.FieldByName(rt.Field(i).Name + "Count"); c.IsValid() && c.CanInt() && c.Int() > 0 {
			counts[name] = types.Int64Value(c.Int())
		}
	}
	return names, counts
}

func jsonName(f reflect.StructField) string {
	if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag != "" {
		return tag
	}
	return f.Name
}

// appendNew appends the non-empty values list does not hold yet.
func appendNew(list []string, values ...string) []string {
	for _, v := range values {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}
