// The stored form of passwords, API keys and payment passwords lives with the rows it is stored in.
export { hashSecret, verifySecret } from '@gongji/persistence';
