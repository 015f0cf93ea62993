import type SQLite from 'better-sqlite3'
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteDialect,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type QueryResult,
} from 'kysely'

// Group commit for SQLite with synchronous=FULL.
//
// better-sqlite3 has one connection, so write transactions run one after another. Committing each one
// costs an fsync, and under load the fsyncs, not the work, bound throughput. Here every transaction runs
// inside a SAVEPOINT of one shared outer transaction; when it finishes it hands the connection on and
// waits, and one COMMIT (one fsync), run once the requests that are ready have had their turn, settles
// the whole group. Nobody's commit returns before the COMMIT that contains its
// changes, so no acknowledged write can be lost; a plain query that runs while a group is open waits
// for that COMMIT too, so nothing uncommitted is ever answered. A failed transaction rolls back to its
// own savepoint and leaves the others intact. A group holds at most MAX_GROUP transactions.

const MAX_GROUP = 64

interface Ticket {
  resolve(): void
  reject(error: unknown): void
}

class Connection implements DatabaseConnection {
  inTransaction = false
  handedOver = false
  readonly #db: SQLite.Database

  constructor(db: SQLite.Database) {
    this.#db = db
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return run<R>(this.#db, compiledQuery)
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) {
      throw new Error('SQLite only streams select queries')
    }
    const statement = this.#db.prepare(compiledQuery.sql)
    for (const row of statement.iterate(compiledQuery.parameters)) {
      yield { rows: [row as R] }
    }
  }
}

function run<R>(db: SQLite.Database, { sql, parameters }: CompiledQuery): QueryResult<R> {
  const statement = db.prepare(sql)
  if (statement.reader) {
    return { rows: statement.all(parameters) as R[] }
  }
  const { changes, lastInsertRowid } = statement.run(parameters)
  return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [] }
}

class GroupCommitDriver implements Driver {
  readonly #db: SQLite.Database
  #locked = false
  readonly #waiters: Array<() => void> = []
  #outerOpen = false
  #group: Ticket[] = []
  #flushScheduled = false

  constructor(db: SQLite.Database) {
    this.#db = db
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#locked) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve))
    } else {
      this.#locked = true
    }
    return new Connection(this.#db)
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#outerOpen) {
      this.#exec('begin immediate')
      this.#outerOpen = true
    }
    this.#exec('savepoint crossdock_group')
    ;(connection as Connection).inTransaction = true
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.#exec('release savepoint crossdock_group')
    ;(connection as Connection).inTransaction = false
    await this.#settle(connection as Connection)
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const conn = connection as Connection
    if (!conn.inTransaction) {
      return
    }
    conn.inTransaction = false
    this.#exec('rollback to savepoint crossdock_group')
    this.#exec('release savepoint crossdock_group')
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name.replace(/"/g, '""')}"`))
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(
      CompiledQuery.raw(`rollback to savepoint "${name.replace(/"/g, '""')}"`),
    )
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(
      CompiledQuery.raw(`release savepoint "${name.replace(/"/g, '""')}"`),
    )
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const conn = connection as Connection
    if (conn.handedOver) {
      return
    }
    await this.#settle(conn)
    if (!conn.handedOver) {
      this.#unlock()
    }
  }

  /**
   * Ends this holder's turn inside an open outer transaction. Whatever it wrote or read there is not
   * committed yet, so it may not answer before the COMMIT: it hands the connection on and waits for
   * the group's COMMIT, which runs once the requests ready in this turn of the event loop have had
   * their go (or at once when the group is full).
   */
  async #settle(conn: Connection): Promise<void> {
    if (!this.#outerOpen) {
      return
    }
    if (this.#group.length + 1 >= MAX_GROUP) {
      this.#flush()
      return
    }
    const committed = new Promise<void>((resolve, reject) => this.#group.push({ resolve, reject }))
    conn.handedOver = true
    this.#unlock()
    this.#scheduleFlush()
    await committed
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) {
      return
    }
    this.#flushScheduled = true
    setImmediate(() => {
      this.#flushScheduled = false
      void this.acquireConnection().then((connection) => {
        try {
          this.#flush()
        } catch {
          // #flush rejected every waiting transaction with the error
        } finally {
          if (!(connection as Connection).handedOver) {
            this.#unlock()
          }
        }
      })
    })
  }

  async destroy(): Promise<void> {
    if (this.#outerOpen) {
      this.#flush()
    }
    this.#db.close()
  }

  #exec(sql: string): void {
    this.#db.prepare(sql).run()
  }

  /** COMMIT the outer transaction and settle every transaction waiting on it. */
  #flush(): void {
    const group = this.#group
    this.#group = []
    if (!this.#outerOpen) {
      for (const ticket of group) {
        ticket.resolve()
      }
      return
    }
    try {
      this.#exec('commit')
    } catch (error) {
      try {
        this.#exec('rollback')
      } catch {
        // the failed COMMIT may already have ended the transaction
      }
      this.#outerOpen = false
      for (const ticket of group) {
        ticket.reject(error)
      }
      throw error
    }
    this.#outerOpen = false
    for (const ticket of group) {
      ticket.resolve()
    }
  }

  #unlock(): void {
    const next = this.#waiters.shift()
    if (next === undefined) {
      this.#locked = false
    } else {
      next()
    }
  }
}

class GroupCommitAdapter extends SqliteAdapter {
  // The driver serialises access itself (it must hand the connection over), so Kysely need not.
  override get supportsMultipleConnections(): boolean {
    return true
  }
}

export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #db: SQLite.Database

  constructor(db: SQLite.Database) {
    super({ database: db })
    this.#db = db
  }

  override createDriver(): Driver {
    return new GroupCommitDriver(this.#db)
  }

  override createAdapter(): DialectAdapter {
    return new GroupCommitAdapter()
  }
}
