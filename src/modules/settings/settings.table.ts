export interface ClientSettingTable {
  /** 0 for the server-wide value, else the company whose override this is. */
  company_id: number
  name: string
  value_json: string
}
