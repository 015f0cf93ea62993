import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/build-app.ts'
import { testDialects } from '../helpers/dialects.ts'

// GET /Catalog's item carries every key of the 2022 Swagger's `ProductCatalogDto`
// (SellerCloud.Delta.Models.ManageEntity.Concrete.ProductCatalogDto), copied here in its order,
// plus Crossdock's `KitComponents`. docs/compat.md, "Catalog item".

const PRODUCT_CATALOG_DTO_KEYS = [
  'ImageUrl',
  'Weight',
  'ShippingWeight',
  'WeightOz',
  'PackageWeightLbs',
  'PackageWeightOz',
  'LocationNotes',
  'eBayCategory',
  'eBayStoreCategory',
  'eBayItemCondition',
  'MAPPrice',
  'ShadowOf',
  'AverageCost',
  'Priority',
  'Rating',
  'ProductName',
  'ShortDescription',
  'LongDescription',
  'Buyer',
  'ASIN',
  'GTIN',
  'QtySold15',
  'QtySold30',
  'QtySold60',
  'QtySold90',
  'QtySold180',
  'QtySold365',
  'QtySoldYTD',
  'IsEndOfLife',
  'ShippingCost',
  'AggregatePhysicalQtyFBA',
  'AggregatePhysicalQty',
  'AggregateQty',
  'ProductType',
  'DefaultVendor',
  'DefaultVendorSKU',
  'HomeCountryCode',
  'Country',
  'AmazonMarketPlaceID',
  'OverstockGeneratedProductID',
  'ReverbListingID',
  'WalmartProductID',
  'WPID',
  'ItemPageURL',
  'CompanyName',
  'CompanyNameAbbreviation',
  'FirstKitChild',
  'WarehousePhysicalQty',
  'WarehousePhysicalQtyValue',
  'WarehouseReservedQtyValue',
  'AggregatedQty',
  'AggregatePhysicalSellableQtyIncludingPhysicalValue',
  'ReservedQty',
  'ReserveQtyTotalValue',
  'PhysicalQty',
  'AggregateNonSellableQty',
  'StorePrice',
  'ManufacturerSKU',
  'ManufacturerID',
  'BrandID',
  'ASINInActiveListing',
  'WeightLbs',
  'UPC',
  'AmazonFBASKU',
  'NELiveInventory',
  'NEBizInventory',
  'WebsiteViewURL',
  'WishProductID',
  'FulfilledBy',
  'SalesRank',
  'AmazonProductCondition',
  'AmazonCondition',
  'MainProductID',
  'FixedPriceQuantity',
  'BuyItNowPrice',
  'ShippingTemplateID',
  'ListPrice',
  'SalePrice',
  'SalePriceStartDate',
  'SalePriceEndDate',
  'DropShipMode',
  'eBayCategory1ID',
  'eBayCategory1Name',
  'eBayTopTitle',
  'ProductTitleCount',
  'DescriptionTemplateID',
  'ebayItemID',
  'ebaySiteCode',
  'ProductConditionName',
  'NotesCount',
  'OrderReserveTotal',
  'VendorOfProduct',
  'VendorPrice',
  'ReplacementQty',
  'WarehouseName',
  'IsSellAble',
  'WarehouseCount',
  'CompanyID',
  'EnabledOnChannels',
  'WebEnabled',
  'BuyDotComEnabled',
  'MagentoEnabled',
  'SearsEnabled',
  'PriceGrabberEnabled',
  'OverStockEnabled',
  'PriceFallEnabled',
  'UnbeatableSalesEnabled',
  'eBayEnabled',
  'AmazonEnabled',
  'WayfairEnabled',
  'VendorCentralEnabled',
  'BonanzaEnabled',
  'SmartBargainsEnabled',
  'ATGStoresEnabled',
  'BestBuyEnabled',
  'BestBuyDsEnabled',
  'KohlsEnabled',
  'HomeDepotEnabled',
  'StaplesEnabled',
  'MeijerEnabled',
  'OneStopPlusEnabled',
  'SonsiEnabled',
  'KMartEnabled',
  'ElevenMainEnabled',
  'GroupOnGoodsEnabled',
  'GrouponMarketplaceEnabled',
  'WalmartEnabled',
  'WalmartAPIEnabled',
  'WishEnabled',
  'JETEnabled',
  'EtsyEnabled',
  'FingerHutEnabled',
  'TopHatterEnabled',
  'TangaEnabled',
  'TargetEnabled',
  'NewEggDotComEnabled',
  'NewEggBizEnabled',
  'YahooStoreEnabled',
  'HayneedleEnabled',
  'ReverbEnabled',
  'DropShipCentralEnabled',
  'DrugStoresEnabled',
  'CdiscountEnabled',
  'BedBathAndBeyondEnabled',
  'ShopHQEnabled',
  'GoogleShoppingEnabled',
  'HouzzEnabled',
  'IsMatrixParent',
  'MerchantSKU',
  'AmazonMerchantSKU',
  'WayfairMerchantSKU',
  'WebsiteProductID',
  'ChannelPreviews',
  'ActiveRebateID',
  'ActiveRebateValue',
  'ActiveRebateDeductFromItemCost',
  'DeductFromItemCostType',
  'Status',
  'InventoryDependantOption',
  'OnOrder',
  'AmazonPrice',
  'VendorID',
  'LastAggregateDate',
  'LastModifiedDate',
  'AmazonMarketplace',
  'OnBackOrder',
  'BackOrderVisible',
  'WholeSalePrice',
  'WholeSalePriceVisible',
  'SitePrice',
  'SiteCost',
  'IsKit',
  'SiteCostVisible',
  'LastCost',
  'LastCostVisible',
  'ShowPriorityAndRatingDelta',
  'InventoryAvailableQty',
  'ChildProducts',
  'CustomColumns',
  'AmazonStoreStatus',
  'AmazonEnableBOPISProduct',
  'ID',
]

const INVENTORY_KEYS = [
  'AggregatePhysicalQtyFBA',
  'AggregatePhysicalQty',
  'AggregateQty',
  'WarehousePhysicalQty',
  'WarehousePhysicalQtyValue',
  'WarehouseReservedQtyValue',
  'AggregatedQty',
  'AggregatePhysicalSellableQtyIncludingPhysicalValue',
  'ReservedQty',
  'ReserveQtyTotalValue',
  'PhysicalQty',
  'AggregateNonSellableQty',
  'InventoryAvailableQty',
  'OnOrder',
  'OnBackOrder',
  'OrderReserveTotal',
]

for (const dialect of testDialects()) {
  describe(`GET /Catalog item shape [${dialect}]`, () => {
    let t: TestApp

    before(async () => {
      t = await createTestApp(dialect)
    })
    after(() => t.close())

    it('should carry every ProductCatalogDto key, and KitComponents', async () => {
      const res = await t.get('/rest/api/Catalog?model.pageSize=50')
      assert.equal(res.statusCode, 200)
      for (const item of res.json<{ Items: Array<Record<string, unknown>> }>().Items) {
        assert.deepEqual(Object.keys(item), [...PRODUCT_CATALOG_DTO_KEYS, 'KitComponents'])
      }
    })

    it('should fill what Crossdock knows and leave the rest neutral', async () => {
      const item = (await t.get('/rest/api/Catalog?sKU=KIT-STARTER')).json().Items[0]
      assert.equal(item.ID, 'KIT-STARTER')
      assert.equal(item.MainProductID, 'KIT-STARTER')
      assert.equal(item.Status, 1)
      assert.equal(item.IsKit, true)
      assert.equal(item.FirstKitChild, 'GADGET-PRO')
      assert.equal(item.ListPrice, item.SitePrice)
      assert.ok(item.SitePrice > 0)
      assert.match(item.LastModifiedDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      assert.equal(item.LastAggregateDate, item.LastModifiedDate)
      assert.equal(item.DropShipMode, 1)
      assert.equal(item.ChildProducts.length, 3)
      for (const key of INVENTORY_KEYS) {
        assert.equal(item[key], 0, key)
      }
      assert.equal(item.ShadowOf, null)
      assert.equal(item.SalePriceStartDate, null)
      assert.deepEqual(item.EnabledOnChannels, [])
      assert.deepEqual(item.CustomColumns, [])
      assert.equal(item.AmazonEnabled, false)
      const plain = (await t.get('/rest/api/Catalog?sKU=WIDGET-RED')).json().Items[0]
      assert.equal(plain.FirstKitChild, null)
      assert.equal(plain.MainProductID, 'WIDGET-RED')
    })

    it('should show a disabled product with Status 0', async () => {
      await t.post('/admin/fixtures', {
        Products: [{ ProductSKU: 'OFF-1', CompanyID: 1, ProductName: 'Off', IsActive: false }],
      })
      assert.equal((await t.get('/rest/api/Catalog?sKU=OFF-1')).json().Items[0].Status, 0)
    })
  })
}
