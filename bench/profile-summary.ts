// Summarises a V8 .cpuprofile: self time per function and per package, top entries.

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

interface Profile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
}

function where(url: string): string {
  if (url === '') {
    return '(native)'
  }
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/')
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  if (url.startsWith('node:')) {
    return 'node core'
  }
  const src = url.indexOf('/src/')
  return src >= 0 ? url.slice(src + 1) : url
}

export function summarizeProfile(profile: Profile, top = 15): string {
  const total = profile.samples.length || 1
  const byFunction = new Map<string, number>()
  const byPlace = new Map<string, number>()
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0
    if (hits === 0) {
      continue
    }
    const place = where(node.callFrame.url)
    const fn = `${node.callFrame.functionName || '(anonymous)'} — ${place}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits)
    byPlace.set(place, (byPlace.get(place) ?? 0) + hits)
  }
  const fmt = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => `  ${((hits / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n')
  return `by package/file:\n${fmt(byPlace)}\nby function:\n${fmt(byFunction)}`
}
