import { DeliveredCodeScreen } from './SmsCode';

export const EmailCodeScreen = () => <DeliveredCodeScreen medium="email" />;
