import type { FixturesData } from './fixtures.schemas.ts'

// The variation demo: a T-shirt parent and one child product per size and colour.
const TEE_CHILDREN = ['S', 'M', 'L'].flatMap((size) =>
  ['Red', 'Blue'].map((color) => ({
    sku: `TEE-CLASSIC-${size}-${color.toUpperCase()}`,
    size,
    color,
  })),
)

/** The built-in demo set, loaded into an empty database when no fixtures file is configured. */
export const DEMO_FIXTURES: FixturesData = {
  Companies: [
    {
      ID: 1,
      CompanyName: 'Crossdock Demo Retail',
      Abbreviation: 'CDR',
      Email: 'ops@retail.example',
      Website: 'https://retail.example',
      CountryCode: 'US',
      IsDefaultCompany: true,
      Address: {
        Address: '100 Main St',
        City: 'Brooklyn',
        State: 'NY',
        ZipCode: '11201',
        Country: 'US',
        Phone: '555-0100',
      },
    },
    {
      ID: 2,
      CompanyName: 'Crossdock Demo Wholesale',
      Abbreviation: 'CDW',
      Email: 'ops@wholesale.example',
      CountryCode: 'US',
      Address: {
        Address: '9 Harbor Rd',
        City: 'Newark',
        State: 'NJ',
        ZipCode: '07102',
        Country: 'US',
      },
    },
  ],
  Vendors: [
    {
      ID: 1,
      Name: 'Acme Supply Co',
      Email: 'orders@acme.example',
      AccountNumber: 'ACME-001',
      IsDefault: true,
    },
    { ID: 2, Name: 'Globex Distribution', Email: 'po@globex.example', AccountNumber: 'GLX-778' },
    { ID: 3, Name: 'Initech Parts', Email: 'purchasing@initech.example' },
  ],
  Warehouses: [
    {
      ID: 1,
      Name: 'Main Warehouse',
      IsDefault: true,
      Address: {
        StreetLine1: '200 Dock St',
        City: 'Brooklyn',
        StateCode: 'NY',
        PostalCode: '11231',
        CountryCode: 'US',
      },
    },
    {
      ID: 2,
      Name: 'West Coast DC',
      Address: {
        StreetLine1: '55 Port Ave',
        City: 'Oakland',
        StateCode: 'CA',
        PostalCode: '94607',
        CountryCode: 'US',
      },
    },
  ],
  PaymentTerms: [
    { ID: 1, Name: 'Net 30' },
    { ID: 2, Name: 'Net 60' },
    { ID: 3, Name: 'Due on receipt' },
  ],
  // Client-wide product types (every product names one); the company is the one each was made under.
  ProductTypes: [
    { ID: 1, ProductTypeName: 'Widgets', CompanyID: 1, IsDefault: true },
    { ID: 2, ProductTypeName: 'Electronics', CompanyID: 1 },
    { ID: 3, ProductTypeName: 'Accessories', CompanyID: 1 },
    { ID: 4, ProductTypeName: 'Housewares', CompanyID: 2 },
    { ID: 5, ProductTypeName: 'Apparel', CompanyID: 2 },
    { ID: 6, ProductTypeName: 'Merch', CompanyID: 2 },
  ],
  Manufacturers: [
    { ID: 1, CompanyID: 1, Name: 'Acme Devices' },
    { ID: 2, CompanyID: 2, Name: 'Printworks Merch Co' },
  ],
  Brands: [{ ID: 1, Name: 'Crossdock Basics' }],
  // In-house conditions mapped to each channel's own (Swagger ProductConditionInHouse enums).
  ProductConditions: [
    {
      ID: 1,
      ConditionName: 'New',
      SortOrder: 1,
      AmazonConditionID: 11, // New
      eBayConditionID: 1000, // New
      BuyDotComConditionID: 1, // Brand_New
      NewEggDotComConditionID: 0, // New
      SearsCondition: 0, // New
    },
    {
      ID: 2,
      ConditionName: 'Used',
      SortOrder: 2,
      ConditionNote: 'Tested, fully working; signs of use.',
      AmazonConditionID: 3, // Used_Good
      eBayConditionID: 3000, // Used
      BuyDotComConditionID: 4, // Used_Good
      NewEggDotComConditionID: 4, // UsedGood
      SearsCondition: 5, // Used_Good
    },
    {
      ID: 3,
      ConditionName: 'Refurbished',
      SortOrder: 3,
      AmazonConditionID: 10, // Refurbished
      eBayConditionID: 2500, // Seller_Refurbished
      BuyDotComConditionID: 10, // Refurbished
      NewEggDotComConditionID: 1, // Refurbished
      SearsCondition: 101, // Refurbished_Seller
    },
  ],
  // Product custom columns (issue 20): values on several demo products below.
  CustomColumns: [
    { EntityType: 'Product', Name: 'Season', DisplayName: 'Season', Type: 0, DataLength: 50 },
    { EntityType: 'Product', Name: 'Fragile', DisplayName: 'Fragile', Type: 4 },
  ],
  Products: [
    {
      ProductSKU: 'WIDGET-RED',
      CompanyID: 1,
      CustomColumns: { Season: 'Spring', Fragile: false },
      ProductName: 'Red Widget',
      ProductTypeName: 'Widgets',
      SiteCost: 4.25,
      DefaultPrice: 9.99,
      UPC: '012345678905',
      WeightOz: 8,
    },
    {
      ProductSKU: 'WIDGET-BLUE',
      CompanyID: 1,
      ProductName: 'Blue Widget',
      ProductTypeName: 'Widgets',
      SiteCost: 4.25,
      DefaultPrice: 9.99,
      UPC: '012345678912',
      WeightOz: 8,
    },
    {
      ProductSKU: 'GADGET-PRO',
      CompanyID: 1,
      CustomColumns: { Fragile: true },
      ProductName: 'Gadget Pro',
      ProductTypeName: 'Electronics',
      SiteCost: 31.5,
      DefaultPrice: 79.0,
      UPC: '012345678929',
      WeightOz: 24,
    },
    {
      ProductSKU: 'CABLE-USB-C',
      CompanyID: 1,
      ProductName: 'USB-C Cable 1m',
      ProductTypeName: 'Accessories',
      SiteCost: 1.1,
      DefaultPrice: 6.49,
      WeightOz: 2,
    },
    {
      ProductSKU: 'CHARGER-65W',
      CompanyID: 1,
      ProductName: '65W Charger',
      ProductTypeName: 'Accessories',
      SiteCost: 12.4,
      DefaultPrice: 34.99,
      WeightOz: 6,
    },
    {
      ProductSKU: 'CASE-SLIM',
      CompanyID: 1,
      ProductName: 'Slim Case',
      ProductTypeName: 'Accessories',
      SiteCost: 2.05,
      DefaultPrice: 14.95,
      WeightOz: 3,
    },
    {
      ProductSKU: 'MUG-CERAMIC',
      CompanyID: 2,
      CustomColumns: { Season: 'All year', Fragile: true },
      ProductName: 'Ceramic Mug 12oz',
      ProductTypeName: 'Housewares',
      SiteCost: 1.8,
      DefaultPrice: 7.5,
      WholesalePrice: 4.0,
      WeightOz: 14,
    },
    {
      ProductSKU: 'TEE-BLACK-M',
      CompanyID: 2,
      CustomColumns: { Season: 'Summer' },
      ProductName: 'Black Tee (M)',
      ProductTypeName: 'Apparel',
      SiteCost: 3.1,
      DefaultPrice: 18.0,
      WholesalePrice: 9.0,
      WeightOz: 6,
    },
    {
      ProductSKU: 'TOTE-CANVAS',
      CompanyID: 2,
      ProductName: 'Canvas Tote',
      ProductTypeName: 'Apparel',
      SiteCost: 2.6,
      DefaultPrice: 12.0,
      WholesalePrice: 6.5,
      WeightOz: 5,
    },
    {
      ProductSKU: 'STICKER-PACK',
      CompanyID: 2,
      ProductName: 'Sticker Pack (10)',
      ProductTypeName: 'Merch',
      SiteCost: 0.35,
      DefaultPrice: 3.0,
      WholesalePrice: 1.5,
      WeightOz: 1,
    },
    {
      ProductSKU: 'KIT-STARTER',
      CompanyID: 1,
      ProductName: 'Starter Kit (gadget, cable, charger)',
      ProductTypeName: 'Electronics',
      DefaultPrice: 109.0,
      SiteCost: 45.0,
      KitComponents: [
        { ProductSKU: 'GADGET-PRO', Qty: 1 },
        { ProductSKU: 'CABLE-USB-C', Qty: 2 },
        { ProductSKU: 'CHARGER-65W', Qty: 1 },
      ],
    },
    {
      ProductSKU: 'KIT-MERCH',
      CompanyID: 2,
      ProductName: 'Merch Bundle (mug, tee, stickers)',
      ProductTypeName: 'Merch',
      DefaultPrice: 26.0,
      WholesalePrice: 14.0,
      SiteCost: 5.6,
      KitComponents: [
        { ProductSKU: 'MUG-CERAMIC', Qty: 1 },
        { ProductSKU: 'TEE-BLACK-M', Qty: 1 },
        { ProductSKU: 'STICKER-PACK', Qty: 2 },
      ],
    },
    {
      ProductSKU: 'TEE-CLASSIC',
      CompanyID: 1,
      ProductName: 'Classic Tee (parent of its sizes and colours)',
      ProductTypeName: 'Apparel',
      DefaultPrice: 20.0,
      WholesalePrice: 10.0,
      SiteCost: 3.4,
      WeightOz: 6,
    },
    ...TEE_CHILDREN.map((c) => ({
      ProductSKU: c.sku,
      CompanyID: 1,
      ProductName: `Classic Tee ${c.color} (${c.size})`,
      ProductTypeName: 'Apparel',
      DefaultPrice: 20.0,
      WholesalePrice: 10.0,
      SiteCost: 3.4,
      WeightOz: 6,
    })),
  ],
  VariationDimensions: [
    {
      ID: 1,
      UniqueName: 'Size',
      Abbreviation: 'SZ',
      Values: [
        { Value: 'S', Abbreviation: 'S' },
        { Value: 'M', Abbreviation: 'M' },
        { Value: 'L', Abbreviation: 'L' },
      ],
    },
    {
      ID: 2,
      UniqueName: 'Color',
      Name: 'Colour',
      Abbreviation: 'CLR',
      Values: [
        { Value: 'Red', Abbreviation: 'RD' },
        { Value: 'Blue', Abbreviation: 'BL' },
      ],
    },
  ],
  Variations: [
    {
      ParentSKU: 'TEE-CLASSIC',
      Dimensions: ['Size', 'Color'],
      Children: TEE_CHILDREN.map((c) => ({
        ProductSKU: c.sku,
        Values: { Size: c.size, Color: c.color },
      })),
    },
  ],
  VendorProducts: [
    {
      VendorID: 1,
      ProductSKU: 'WIDGET-RED',
      Price: 4.1,
      VendorSKU: 'AC-WR',
      PricePerCase: 48,
      QtyPerCase: 12,
      Qty: 500,
    },
    { VendorID: 1, ProductSKU: 'WIDGET-BLUE', Price: 4.1, VendorSKU: 'AC-WB', Qty: 250 },
    {
      VendorID: 2,
      ProductSKU: 'GADGET-PRO',
      Price: 30.0,
      VendorSKU: 'GX-GP',
      Notes: 'Ships from the Globex east coast hub.',
    },
    { VendorID: 2, ProductSKU: 'CHARGER-65W', Price: 12.0 },
    { VendorID: 3, ProductSKU: 'MUG-CERAMIC', Price: 1.75 },
  ],
  Settings: {
    Server: {
      EnableLinkingOrderToPO: true,
      EnableOrderLinkToPOAtKitLevel: false,
      PreventDuplicateOrderSourceOrderID: true,
      EnableMultipleTrackingNumbersOnPO: false,
      EnableMultiDiscountForPurchaseOrder: false,
      EnableBillToAddressForPurchaseOrders: true,
      ForceExpectedDeliveryDate: false,
    },
  },
  // Some stock on the shelf. WIDGET-RED, WIDGET-BLUE, GADGET-PRO and CASE-SLIM stay at zero, so the
  // README's orders (WIDGET-RED, KIT-STARTER, which needs a GADGET-PRO) cannot be filled and go to a
  // PO (the crossdock walk-through); KIT-MERCH's components are all stocked.
  Inventory: [
    { ProductID: 'CABLE-USB-C', WarehouseID: 1, Qty: 40 },
    { ProductID: 'CABLE-USB-C', WarehouseID: 2, Qty: 10 },
    { ProductID: 'CHARGER-65W', WarehouseID: 1, Qty: 15 },
    { ProductID: 'MUG-CERAMIC', WarehouseID: 1, Qty: 24 },
    { ProductID: 'TEE-BLACK-M', WarehouseID: 1, Qty: 8 },
    { ProductID: 'STICKER-PACK', WarehouseID: 1, Qty: 50 },
  ],
  // Saved catalog views (GET /Catalog/Views, GetAllByView): filters with GET /Catalog's keys.
  Views: [
    { ID: 1, Name: 'Active products', Filter: { activeStatus: 1 } },
    { ID: 2, Name: 'Kits', Filter: { selectedKits: 1 } },
  ],
}
