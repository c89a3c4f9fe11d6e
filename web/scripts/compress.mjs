// Writes a gzip and a brotli twin beside each built asset (web/dist/assets), which the server sends
// to browsers that take them (src/http/static_files.cc): nothing is compressed per request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = join(process.argv[2] ?? 'dist', 'assets');
for (const name of readdirSync(dir)) {
  if (!/\.(js|css|svg|json)$/.test(name)) continue;
  const bytes = readFileSync(join(dir, name));
  writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  writeFileSync(
    join(dir, `${name}.br`),
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  );
}
