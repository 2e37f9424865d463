export { CipherError, FieldCipher } from './FieldCipher.js';
export { developmentKeyring, keyringProblems, parseKeyring, type Keyring } from './Keyring.js';
export { encryptedStores, registerEncryptedStore, type EncryptedStore } from './EncryptedStores.js';
export { rotateKeys } from './rotateKeys.js';
