package universe

// Word lists and places the synthetic universe is built from. Company names
// are prefix + second + noun (see identity.go); keep the three lists free of
// duplicates so that every combination has its own e-mail domain.

var namePrefixes = []string{
	"Adams", "Allen", "Alvarez", "Anderson", "Apex", "Arrow", "Atlas", "Badger", "Bailey", "Baker",
	"Bear Creek", "Big Sky", "Black Hawk", "Blue", "Bluegrass", "Brooks", "Buckeye", "Caldwell", "Canyon", "Capitol",
	"Cardinal", "Carter", "Cascade", "Cedar", "Central", "Chavez", "Coastal", "Colonial", "Cornerstone", "Crossroads",
	"Cruz", "Delta", "Diamond", "Dixie", "Eagle", "Evergreen", "Falcon", "First Class", "Flores", "Freedom",
	"Frontier", "Garcia", "Gateway", "Golden", "Granite", "Great Lakes", "Green", "Gulf", "Harbor", "Hawkeye",
	"Heartland", "Hernandez", "Highland", "Hoosier", "Iron", "Jackson", "Keystone", "Lakeside", "Landmark", "Liberty",
	"Lone Star", "Lopez", "Magnolia", "Maple", "Martinez", "Meridian", "Midwest", "Nelson", "North Star", "Northern",
	"Oak", "Ozark", "Pacific", "Palmetto", "Patriot", "Peach State", "Pine", "Pioneer", "Prairie", "Premier",
	"Ramirez", "Red Rock", "Reliable", "Rocky Mountain", "Rodriguez", "Silver", "Southern", "Sterling", "Summit", "Sunbelt",
	"Thompson", "Timber", "Tri-State", "Twin Rivers", "United", "Vanguard", "Western", "Wilson", "Wolverine", "Yellowstone",
}

var nameSeconds = []string{
	"", "Valley", "Ridge", "River", "Creek", "Mountain", "Road", "Plains", "Coast", "Bay",
	"Point", "Line", "Way", "Star", "Country", "Crossing", "Springs", "Trail", "Bridge", "Brothers",
	"Family", "& Sons", "Prime", "Direct",
}

var nameNouns = []string{
	"Trucking", "Transport", "Transportation", "Freight", "Freight Lines", "Logistics", "Carriers", "Hauling", "Express", "Cartage",
	"Motor Lines", "Transit", "Freightways", "Haulers", "Delivery", "Distribution", "Shipping", "Truck Lines", "Moving", "Expedited",
	"Fleet Services", "Road Lines", "Van Lines", "Bulk Transport", "Tank Lines", "Flatbed", "Reefer Service", "Cargo", "Drayage", "Heavy Haul",
}

var nameSuffixes = []string{" LLC", " LLC", " LLC", " Inc", " Inc.", " Corp", " Co", ""}

var firstNames = []string{
	"James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "Jose", "Elizabeth",
	"William", "Susan", "Carlos", "Jessica", "Richard", "Sarah", "Joseph", "Karen", "Thomas", "Nancy",
	"Juan", "Lisa", "Daniel", "Ana", "Mark", "Sandra", "Luis", "Ashley", "Steven", "Kimberly",
	"Paul", "Angela", "Andrew", "Rosa", "Kevin", "Michelle", "Brian", "Laura", "Miguel", "Tamika",
}

var lastNames = []string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
	"Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
	"Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
	"Walker", "Young", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
}

var streetNames = []string{
	"Main", "Industrial", "Commerce", "Freeway", "Airport", "Railroad", "Market", "Center", "Park", "Oak",
	"Elm", "Washington", "Lincoln", "Highway 80", "Distribution", "Terminal", "Warehouse", "Logistics", "Depot", "Cargo",
}

var streetTypes = []string{"St", "Ave", "Blvd", "Dr", "Rd", "Pkwy", "Way", "Ln"}

var insurers = []struct{ name, amBest string }{
	{"Northland Insurance Company", "A+"}, {"Progressive Commercial", "A+"}, {"Great West Casualty Company", "A"},
	{"National Interstate Insurance", "A"}, {"Sentry Select Insurance", "A+"}, {"Canal Insurance Company", "B++"},
	{"Carolina Casualty Insurance", "A+"}, {"Berkshire Hathaway Homestate", "A++"}, {"Old Republic Insurance", "A+"},
	{"Hudson Excess Insurance", "A"},
}

var agencies = []string{
	"Cornerstone Insurance Agency", "Truckers Risk Partners", "Interstate Insurance Brokers", "Highway Coverage Group",
	"Fleet Shield Insurance", "Crossroads Risk Services", "Big Rig Insurance Agency", "Blue Line Underwriters",
}

var brokerCompanies = []string{
	"Summit Brokerage Inc", "Red River Logistics", "Prairie Freight Brokers", "Coastline Logistics LLC",
	"Keystone Freight Solutions", "Lakeshore Transportation Services", "Mesa Logistics Group", "Harborview Brokerage",
}

var incidentTypes = []string{
	"Wrong Equipment", "No Show without Notification", "Pickup or Delivery Service Failure", "Late Delivery",
	"Damaged Freight", "Communication Failure",
}

// fraudIncidentTypes count as fraud in TotalIncidentReportsWithFraud.
var fraudIncidentTypes = []string{"Theft or Unjustified Loss of Freight", "Operated Under Alias", "Double Brokering"}

// location is a home base: city, state, ZIP, phone area code, coordinates,
// and the CarrierLaneDTO fields of its state and region.
type location struct {
	city, state, stateLane, regionLane string
	zip                                string
	area                               int
	lat, lng                           float64
	country                            string
}

const sampleLocation = 0 // Springfield, IL: the sample carrier's home

var usLocations = []location{
	{"Springfield", "IL", "Illinois", "MidwestRegion", "62701", 217, 39.80, -89.64, "US"},
	{"Dallas", "TX", "Texas", "SouthRegion", "75201", 214, 32.78, -96.80, "US"},
	{"Houston", "TX", "Texas", "SouthRegion", "77002", 713, 29.76, -95.37, "US"},
	{"San Antonio", "TX", "Texas", "SouthRegion", "78205", 210, 29.42, -98.49, "US"},
	{"Laredo", "TX", "Texas", "SouthRegion", "78040", 956, 27.53, -99.49, "US"},
	{"El Paso", "TX", "Texas", "SouthRegion", "79901", 915, 31.76, -106.49, "US"},
	{"Atlanta", "GA", "Georgia", "SouthRegion", "30303", 404, 33.75, -84.39, "US"},
	{"Savannah", "GA", "Georgia", "SouthRegion", "31401", 912, 32.08, -81.09, "US"},
	{"Chicago", "IL", "Illinois", "MidwestRegion", "60601", 312, 41.88, -87.63, "US"},
	{"Joliet", "IL", "Illinois", "MidwestRegion", "60432", 815, 41.53, -88.08, "US"},
	{"Indianapolis", "IN", "Indiana", "MidwestRegion", "46204", 317, 39.77, -86.16, "US"},
	{"Columbus", "OH", "Ohio", "MidwestRegion", "43215", 614, 39.96, -83.00, "US"},
	{"Toledo", "OH", "Ohio", "MidwestRegion", "43604", 419, 41.65, -83.54, "US"},
	{"Memphis", "TN", "Tennessee", "SouthRegion", "38103", 901, 35.15, -90.05, "US"},
	{"Nashville", "TN", "Tennessee", "SouthRegion", "37203", 615, 36.16, -86.78, "US"},
	{"Louisville", "KY", "Kentucky", "SouthRegion", "40202", 502, 38.25, -85.76, "US"},
	{"Charlotte", "NC", "NorthCarolina", "SouthRegion", "28202", 704, 35.23, -80.84, "US"},
	{"Jacksonville", "FL", "Florida", "SouthRegion", "32202", 904, 30.33, -81.66, "US"},
	{"Miami", "FL", "Florida", "SouthRegion", "33130", 305, 25.77, -80.19, "US"},
	{"Orlando", "FL", "Florida", "SouthRegion", "32801", 407, 28.54, -81.38, "US"},
	{"Phoenix", "AZ", "Arizona", "WestRegion", "85004", 602, 33.45, -112.07, "US"},
	{"Los Angeles", "CA", "California", "WestRegion", "90012", 213, 34.05, -118.24, "US"},
	{"Fresno", "CA", "California", "WestRegion", "93721", 559, 36.74, -119.79, "US"},
	{"Ontario", "CA", "California", "WestRegion", "91764", 909, 34.06, -117.65, "US"},
	{"Stockton", "CA", "California", "WestRegion", "95202", 209, 37.96, -121.29, "US"},
	{"Seattle", "WA", "Washington", "WestRegion", "98104", 206, 47.61, -122.33, "US"},
	{"Portland", "OR", "Oregon", "WestRegion", "97204", 503, 45.52, -122.68, "US"},
	{"Salt Lake City", "UT", "Utah", "WestRegion", "84101", 801, 40.76, -111.89, "US"},
	{"Denver", "CO", "Colorado", "WestRegion", "80202", 303, 39.74, -104.99, "US"},
	{"Kansas City", "MO", "Missouri", "MidwestRegion", "64106", 816, 39.10, -94.58, "US"},
	{"St. Louis", "MO", "Missouri", "MidwestRegion", "63101", 314, 38.63, -90.20, "US"},
	{"Omaha", "NE", "Nebraska", "MidwestRegion", "68102", 402, 41.26, -95.94, "US"},
	{"Des Moines", "IA", "Iowa", "MidwestRegion", "50309", 515, 41.59, -93.62, "US"},
	{"Minneapolis", "MN", "Minnesota", "MidwestRegion", "55401", 612, 44.98, -93.27, "US"},
	{"Milwaukee", "WI", "Wisconsin", "MidwestRegion", "53202", 414, 43.04, -87.91, "US"},
	{"Detroit", "MI", "Michigan", "MidwestRegion", "48226", 313, 42.33, -83.05, "US"},
	{"Grand Rapids", "MI", "Michigan", "MidwestRegion", "49503", 616, 42.96, -85.67, "US"},
	{"Pittsburgh", "PA", "Pennsylvania", "NortheastRegion", "15222", 412, 40.44, -79.99, "US"},
	{"Harrisburg", "PA", "Pennsylvania", "NortheastRegion", "17101", 717, 40.27, -76.88, "US"},
	{"Newark", "NJ", "NewJersey", "NortheastRegion", "07102", 973, 40.74, -74.17, "US"},
	{"Albany", "NY", "NewYork", "NortheastRegion", "12207", 518, 42.65, -73.75, "US"},
	{"Baltimore", "MD", "Maryland", "SouthRegion", "21202", 410, 39.29, -76.61, "US"},
	{"Richmond", "VA", "Virginia", "SouthRegion", "23219", 804, 37.54, -77.44, "US"},
	{"Birmingham", "AL", "Alabama", "SouthRegion", "35203", 205, 33.52, -86.81, "US"},
	{"Jackson", "MS", "Mississippi", "SouthRegion", "39201", 601, 32.30, -90.18, "US"},
	{"Little Rock", "AR", "Arkansas", "SouthRegion", "72201", 501, 34.75, -92.29, "US"},
	{"Oklahoma City", "OK", "Oklahoma", "SouthRegion", "73102", 405, 35.47, -97.52, "US"},
	{"Tulsa", "OK", "Oklahoma", "SouthRegion", "74103", 918, 36.15, -95.99, "US"},
	{"Albuquerque", "NM", "NewMexico", "WestRegion", "87102", 505, 35.08, -106.65, "US"},
	{"Boise", "ID", "Idaho", "WestRegion", "83702", 208, 43.62, -116.20, "US"},
	{"Reno", "NV", "Nevada", "WestRegion", "89501", 775, 39.53, -119.81, "US"},
}

// mxLocations are the homes of Mexico-domiciled (MX docket) carriers.
var mxLocations = []location{
	{"Monterrey", "NL", "NuevoLeon", "", "64000", 818, 25.69, -100.32, "MX"},
	{"Guadalajara", "JAL", "Jalisco", "", "44100", 331, 20.67, -103.35, "MX"},
	{"Tijuana", "BC", "BajaCalifornia", "", "22000", 664, 32.51, -117.04, "MX"},
	{"Ciudad Juarez", "CHH", "Chihuahua", "", "32000", 656, 31.69, -106.42, "MX"},
	{"Nuevo Laredo", "TAM", "Tamaulipas", "", "88000", 867, 27.48, -99.52, "MX"},
	{"Hermosillo", "SON", "Sonora", "", "83000", 662, 29.07, -110.96, "MX"},
	{"Saltillo", "COA", "Coahuila", "", "25000", 844, 25.42, -101.00, "MX"},
}

// locations holds the US places first, then the Mexican ones.
var locations = append(append([]location{}, usLocations...), mxLocations...)

// associationNames are the descriptions of AssociationTypeDTO codes 1–19.
var associationNames = [...]string{
	1: "Company", 2: "Support", 3: "Claims", 4: "Safety Manager", 5: "Dispatch Service", 6: "Owner",
	7: "Available Loads", 8: "Authorized User", 9: "User Authorization Pending", 10: "User Authorization Denied",
	11: "User Authorization Follow Up", 12: "Verified User", 13: "User Verification Pending",
	14: "User Verification Denied", 15: "User Verification Follow Up", 16: "Driver", 17: "Dispatcher",
	18: "MC Record", 19: "DOT Record",
}
