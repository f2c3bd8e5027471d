export async function main(argv: string[]): Promise<number> {
	console.log('cosi', argv);
	return 0;
}
