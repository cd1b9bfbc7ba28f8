package provider

import (
	"slices"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func TestCarrierPacket_absent(t *testing.T) {
	t.Parallel()
	d := &mcp.CarrierData{
		Message: "Carrier Agreement does not exist.",
		AssureAdvantage: []mcp.FMCSACarrier{{CarrierDetails: &mcp.CarrierDetails{CertData: &mcp.FMCSACertData{
			Certificate: []mcp.FMCSACertificate{{BlobName: "certificate-image/a.pdf"}, {BlobName: ""}, {BlobName: "certificate-image/a.pdf"}},
		}}}, {}},
	}
	m := carrierPacketFromAPI(d)
	if m.Completed.ValueBool() || m.Completed.IsNull() {
		t.Errorf("completed = %v, want false", m.Completed)
	}
	if !slices.Equal(m.Documents.CertificatesOfInsurance, []string{"certificate-image/a.pdf"}) {
		t.Errorf("certificates_of_insurance = %v", m.Documents.CertificatesOfInsurance)
	}
	if m.Documents.W9Forms != nil || m.Documents.SignedAgreements != nil || m.Documents.CustomerAgreements != nil {
		t.Errorf("packet documents should be null without a packet: %+v", m.Documents)
	}
	if !m.Status.IsNull() || !m.CompletedAt.IsNull() || m.Payment != nil || m.Company != nil || m.Lanes != nil ||
		m.W9Forms != nil || m.Agreements != nil || !m.BrokersOutExtraFreight.IsNull() || m.References != nil {
		t.Errorf("everything but completed and the certificates should be null: %+v", m)
	}
}

func TestCarrierPacket_present(t *testing.T) {
	t.Parallel()
	at := func(h int) mcp.Time { return mcp.Time{Time: time.Date(2026, 2, 1, h, 0, 0, 0, time.UTC)} }
	d := &mcp.CarrierData{CarrierPacket: &mcp.CarrierPacket{
		CarrierCustomerPacketStatuses: []mcp.CarrierCustomerPacketStatus{{}, {CarrierPacketStatus: "Completed"}},
		CarrierCustomerAgreements: []mcp.CarrierCustomerAgreement{
			{SignatureDate: at(5), IsActive: false, CustomerAgreement: &mcp.CustomerAgreement{BlobName: "company-agreement/1/x"},
				CarrierCustomerAgreementImages: []mcp.CarrierCustomerAgreementImage{{BlobName: "company-agreement/1/old"}}},
			{SignatureDate: at(3), IsActive: true, CustomerAgreement: &mcp.CustomerAgreement{AgreementName: "BCA", BlobName: "company-agreement/1/x"},
				CarrierCustomerAgreementImages: []mcp.CarrierCustomerAgreementImage{{BlobName: "company-agreement/1/new"}}},
		},
		CarrierW9Forms: []mcp.CarrierW9Form{{
			LimitedLiabilityCompany: true, TaxClassification: "S", EIN: "12-3456789",
			CarrierW9FormImages: []mcp.CarrierW9FormImage{{BlobName: "w9-form/a.pdf"}},
		}},
		CarrierTruckType:  &mcp.CarrierTruckType{Van: true, VanCount: 12, Reefer: true, FlatbedCount: 2},
		CarrierTruckClass: &mcp.CarrierTruckClass{VansStandard: true, Other: "Sprinters"},
		CarrierLane:       &mcp.CarrierLane{UnitedStates: true, Texas: true},
		CarrierMode:       &mcp.CarrierMode{},
		CarrierCertification: &mcp.CarrierCertification{
			Hazmat: true, HazmatNumber: "HM1", TankerEndorsedNumOfDrivers: 2,
		},
		CarrierPaymentInfo: &mcp.CarrierPaymentInfo{BankRoutingNumber: "011000015", BankAccountNumber: "42", BankName: "Bank", RemitCity: "Dallas"},
		FactoringRemit:     &mcp.FactoringRemit{},
		References1:        "Ref A", References3: "Ref A",
	}}
	m := carrierPacketFromAPI(d)
	if !m.Completed.ValueBool() || m.Status.ValueString() != "Completed" {
		t.Errorf("completed %v, status %v", m.Completed, m.Status)
	}
	if got := m.CompletedAt.ValueString(); got != "2026-02-01T03:00:00Z" {
		t.Errorf("completed_at = %s, want the active agreement's signature", got)
	}
	if !slices.Equal(m.Documents.SignedAgreements, []string{"company-agreement/1/old", "company-agreement/1/new"}) ||
		!slices.Equal(m.Documents.CustomerAgreements, []string{"company-agreement/1/x"}) ||
		!slices.Equal(m.Documents.W9Forms, []string{"w9-form/a.pdf"}) ||
		m.Documents.CertificatesOfInsurance == nil || len(m.Documents.CertificatesOfInsurance) != 0 {
		t.Errorf("documents = %+v", m.Documents)
	}
	if w := m.W9Forms[0]; w.FederalTaxClassification.ValueString() != "limited_liability_company" || w.LLCTaxClassification.ValueString() != "S" ||
		w.EIN.ValueString() != "12-3456789" || !w.SSN.IsNull() {
		t.Errorf("w9 = %+v", w)
	}
	e := m.Equipment
	// Flatbed has a count but is not set: MCP's flag decides.
	if !slices.Equal(e.TruckTypes, []string{"Reefer", "Van"}) || len(e.TruckTypeCounts) != 1 || e.TruckTypeCounts["Van"].ValueInt64() != 12 {
		t.Errorf("truck types %v, counts %v", e.TruckTypes, e.TruckTypeCounts)
	}
	if !slices.Equal(e.TruckClasses, []string{"VansStandard"}) || e.TruckClassOther.ValueString() != "Sprinters" || !e.PowerUnits.IsNull() {
		t.Errorf("truck classes %v, other %v, power units %v", e.TruckClasses, e.TruckClassOther, e.PowerUnits)
	}
	if !slices.Equal(m.Lanes, []string{"UnitedStates", "Texas"}) || m.Modes == nil || len(m.Modes) != 0 || m.CargoHauled != nil {
		t.Errorf("lanes %v, modes %v, cargo %v", m.Lanes, m.Modes, m.CargoHauled)
	}
	if c := m.Certifications; !slices.Equal(c.Names, []string{"Hazmat"}) || c.HazmatNumber.ValueString() != "HM1" || c.TankerEndorsedDrivers.ValueInt64() != 2 {
		t.Errorf("certifications = %+v", c)
	}
	pay := m.Payment
	if pay.Factoring != nil {
		t.Errorf("an empty factoring record should be null: %+v", pay.Factoring)
	}
	if pay.Bank == nil || pay.Bank.RoutingNumber.ValueString() != "011000015" || pay.Bank.Name.ValueString() != "Bank" {
		t.Errorf("bank should come from the payment info without CarrierBank: %+v", pay.Bank)
	}
	if pay.RemitTo == nil || pay.RemitTo.City.ValueString() != "Dallas" {
		t.Errorf("remit_to should come from the payment info without CarrierRemit: %+v", pay.RemitTo)
	}
	if !slices.Equal(m.References, []string{"Ref A"}) {
		t.Errorf("references = %v", m.References)
	}
	if m.Contacts.Owner != nil || m.Contacts.AfterHoursWeekdays != nil {
		t.Errorf("contacts the packet leaves empty should be null: %+v", m.Contacts)
	}
}
