// Child of the durability test: adds documents through the real SDK, printing each id once acknowledged, until killed.
import { attachDatabase, openDatabase } from '../../../emulator/db';
import { TEST_COLLECTIONS } from './harness';

const file = process.argv[2];
const db = openDatabase({ file, collections: TEST_COLLECTIONS });
attachDatabase(db);
const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const todos = cloud.database().collection('todos');

void (async () => {
  for (let i = 0; ; i++) {
    const { _id } = await todos.add({ data: { i, payload: 'x'.repeat(200) } });
    process.stdout.write(`${_id}\n`);
  }
})();
