import type { Static } from 'typebox'
import { paginate, type RequestOptions, type Transport } from '../http.ts'
import type {
  AddVendorProductRequest,
  UpdateVendorProductRequest,
  UpdateVendorProductRequestV2,
  VendorProductList as VendorProductListDto,
  VendorProductListQuery as VendorProductQuery,
} from '../../../../src/modules/catalog/vendors/index.ts'
import type { FilterOf, Vendor, VendorList, VendorListQuery } from '../types.ts'
import { ListResource } from './reference.ts'

export type VendorProductListQuery = Partial<Static<typeof VendorProductQuery>>
export type VendorProductList = Static<typeof VendorProductListDto>
export type VendorProduct = VendorProductList['Items'][number]
export type AddVendorProduct = Static<typeof AddVendorProductRequest>['VendorProducts'][number]
export type UpdateVendorProductV2Request = Static<typeof UpdateVendorProductRequestV2>
export type UpdateVendorProductBySkuRequest = Static<typeof UpdateVendorProductRequest>

/** `/Vendors`, `/Vendors/{id}`, and a vendor's products (`/Vendors/{id}/products`). */
export class VendorsResource extends ListResource<VendorListQuery, VendorList, Vendor> {
  readonly #http: Transport
  constructor(http: Transport) {
    super(http, '/Vendors')
    this.#http = http
  }

  /**
   * One page of the vendor's products, by product SKU (`pageSize` at most 50); `productSKU` and
   * `vendorSKU` match exactly, ignoring case.
   * @example const { Items } = await client.vendors.products(1, { vendorSKU: 'AC-WR' })
   */
  products(
    vendorId: number,
    query: VendorProductListQuery = {},
    options?: RequestOptions,
  ): Promise<VendorProductList> {
    return this.#http.call({
      method: 'GET',
      path: `/Vendors/${vendorId}/products`,
      query,
      queryPrefix: 'model.',
      options,
    })
  }

  /**
   * Every product of the vendor matching the filter, page by page.
   * @example for await (const vp of client.vendors.iterateProducts(1)) console.log(vp.ProductSKU, vp.Price)
   */
  iterateProducts(
    vendorId: number,
    filter: FilterOf<VendorProductListQuery> = {},
    options?: RequestOptions,
  ): AsyncGenerator<VendorProduct, void, undefined> {
    return paginate((pageNumber, pageSize) =>
      this.products(vendorId, { ...filter, pageNumber, pageSize }, options),
    )
  }

  /**
   * `POST /Vendors/{vendorId}/products`: adds products to the vendor, or updates the fields sent of
   * those it has; all or nothing.
   * @example await client.vendors.addProducts(1, [{ ProductSKU: 'WIDGET-RED', Price: 3.9, VendorSKU: 'AC-WR' }])
   */
  async addProducts(
    vendorId: number,
    vendorProducts: AddVendorProduct[],
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({
      method: 'POST',
      path: `/Vendors/${vendorId}/products`,
      body: { VendorProducts: vendorProducts },
      options,
    })
  }

  /**
   * `PUT /Vendors/{vendorId}/products` (the V2 body): one vendor product, `ProductID` its SKU;
   * null or omitted fields stay as they are.
   * @example await client.vendors.updateProducts(1, { ProductID: 'WIDGET-RED', Price: 4 })
   */
  async updateProducts(
    vendorId: number,
    body: UpdateVendorProductV2Request,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({
      method: 'PUT',
      path: `/Vendors/${vendorId}/products`,
      body,
      options,
    })
  }

  /**
   * `PUT /Vendors/{vendorId}/products/{productSKU}` (obsolete in Sellercloud's Swagger).
   * @example await client.vendors.updateProduct(1, 'WIDGET-RED', { Qty: 40 })
   */
  async updateProduct(
    vendorId: number,
    productSku: string,
    body: UpdateVendorProductBySkuRequest,
    options?: RequestOptions,
  ): Promise<void> {
    await this.#http.call({
      method: 'PUT',
      path: `/Vendors/${vendorId}/products/${encodeURIComponent(productSku)}`,
      body,
      options,
    })
  }
}
