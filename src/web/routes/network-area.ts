// The network's pages, loaded together on the first visit to any of them (one request, one cache entry).
export { NetworkRoute } from './network';
export { NetworkContactRoute } from './network-contact';
export { NetworkDuplicatesRoute } from './network-duplicates';
export { NetworkEditRoute } from './network-edit';
export { NetworkImportRoute } from './network-import';
export { NetworkNewRoute } from './network-new';
