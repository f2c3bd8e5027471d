// A zip archive written with Node's own zlib (deflate and CRC-32 in native code): docx and xlsx are
// zips of XML, and a 400-page audit is tens of megabytes of it, which the JavaScript deflate of
// JSZip (used by docx and exceljs) takes seconds to compress. The renderers build their parts as
// before and this writes the archive (PKWARE APPNOTE 6.3: local headers, central directory, end
// record; names in UTF-8; no ZIP64, parts stay far below 4 GiB).
import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

export type ZipEntry = [name: string, data: Uint8Array];

/** 2000-01-01 00:00 as an MS-DOS date and time: the same document gives the same bytes. */
const dosTime = 0;
const dosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;

export function writeZip(entries: ZipEntry[]): Uint8Array {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const [name, data] of entries) {
		const nameBytes = Buffer.from(name, 'utf8');
		const deflated = deflateRawSync(data);
		const stored = deflated.length >= data.length;
		const body = stored ? Buffer.from(data) : deflated;
		const crc = crc32(data);
		const header = (central: boolean) => {
			const b = Buffer.alloc(central ? 46 : 30);
			let p = 0;
			b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, p);
			p += 4;
			if (central) {
				b.writeUInt16LE(20, p);
				p += 2;
			}
			b.writeUInt16LE(20, p); // version needed: 2.0 (deflate)
			b.writeUInt16LE(0x0800, p + 2); // names in UTF-8
			b.writeUInt16LE(stored ? 0 : 8, p + 4);
			b.writeUInt16LE(dosTime, p + 6);
			b.writeUInt16LE(dosDate, p + 8);
			b.writeUInt32LE(crc >>> 0, p + 10);
			b.writeUInt32LE(body.length, p + 14);
			b.writeUInt32LE(data.length, p + 18);
			b.writeUInt16LE(nameBytes.length, p + 22);
			b.writeUInt16LE(0, p + 24); // extra field
			if (central) {
				// comment, disk, internal and external attributes: 0; then the local header's offset.
				b.writeUInt32LE(offset, p + 36);
			}
			return b;
		};
		const local = header(false);
		parts.push(local, nameBytes, body);
		central.push(header(true), nameBytes);
		offset += local.length + nameBytes.length + body.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

/** The files of a zip, in order. */
export async function zipEntries(zip: Uint8Array): Promise<ZipEntry[]> {
	const archive = await JSZip.loadAsync(zip);
	const files = Object.values(archive.files).filter((f) => !f.dir);
	return Promise.all(
		files.map(async (f): Promise<ZipEntry> => [f.name, await f.async('uint8array')])
	);
}
