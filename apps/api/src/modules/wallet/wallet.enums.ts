import { WalletSource, WalletVerification } from '@gongji/domain';
import { registerEnumType } from 'type-graphql';

registerEnumType(WalletSource, {
  name: 'WalletSource',
  description: 'Pocket a wallet transfer takes its money from (R-WAL-6). LEGACY is never a source.',
  valuesConfig: {
    EARMARKED: { description: "The sender's own EARMARKED account (employee participants only, R-ACC-1)." },
    WALLET: { description: "The sender's own wallet balance." },
  },
});
registerEnumType(WalletVerification, {
  name: 'WalletVerification',
  description: 'How the sender confirmed the transfer (R-WAL-6); the portal performs the check.',
  valuesConfig: {
    FACE: { description: 'Face check (人脸识别).' },
    CODE_PASSWORD: { description: 'Medical-insurance-code password (医保码密码).' },
  },
});

export { WalletSource, WalletVerification };
