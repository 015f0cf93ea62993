export interface PageRequest {
  pageNumber: number
  pageSize: number
}

export interface Page<T> {
  items: T[]
  totalResults: number
}

export function pageOffset(page: PageRequest): number {
  return (page.pageNumber - 1) * page.pageSize
}

/** Clamp a requested page to the endpoint's maximum size, as Sellercloud silently does. */
export function clampPage(
  pageNumber: number | undefined,
  pageSize: number | undefined,
  maxSize: number,
): PageRequest {
  return {
    pageNumber: Math.max(1, pageNumber ?? 1),
    pageSize: Math.min(maxSize, Math.max(1, pageSize ?? 10)),
  }
}
