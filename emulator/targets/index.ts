/** Every Cognito operation the emulator answers, by X-Amz-Target suffix. */
import type { Operation } from '../context.js';
import { SignUp } from './SignUp.js';
import { ConfirmSignUp } from './ConfirmSignUp.js';
import { ResendConfirmationCode } from './ResendConfirmationCode.js';
import { AdminConfirmSignUp } from './AdminConfirmSignUp.js';
import { ForgotPassword } from './ForgotPassword.js';
import { ConfirmForgotPassword } from './ConfirmForgotPassword.js';
import { AdminResetUserPassword } from './AdminResetUserPassword.js';
import { AdminCreateUser } from './AdminCreateUser.js';
import { AdminDeleteUser } from './AdminDeleteUser.js';
import { AddCustomAttributes } from './AddCustomAttributes.js';
import { UpdateUserPool } from './UpdateUserPool.js';
import { AdminDeleteUserAttributes } from './AdminDeleteUserAttributes.js';
import { DeleteUserPoolClient } from './DeleteUserPoolClient.js';
import { AdminDisableUser } from './AdminDisableUser.js';
import { AdminEnableUser } from './AdminEnableUser.js';
import { AdminGetUser } from './AdminGetUser.js';
import { AdminInitiateAuth } from './AdminInitiateAuth.js';
import { AdminRespondToAuthChallenge } from './AdminRespondToAuthChallenge.js';
import { AdminSetUserMFAPreference } from './AdminSetUserMFAPreference.js';
import { AdminSetUserPassword } from './AdminSetUserPassword.js';
import { AdminUpdateUserAttributes } from './AdminUpdateUserAttributes.js';
import { AdminUserGlobalSignOut } from './AdminUserGlobalSignOut.js';
import { AssociateSoftwareToken } from './AssociateSoftwareToken.js';
import { ChangePassword } from './ChangePassword.js';
import { CreateUserPool } from './CreateUserPool.js';
import { CreateUserPoolClient } from './CreateUserPoolClient.js';
import { DeleteUser } from './DeleteUser.js';
import { DeleteUserAttributes } from './DeleteUserAttributes.js';
import { DeleteUserPool } from './DeleteUserPool.js';
import { DescribeUserPool } from './DescribeUserPool.js';
import { DescribeUserPoolClient } from './DescribeUserPoolClient.js';
import { GetTokensFromRefreshToken } from './GetTokensFromRefreshToken.js';
import { GetUser } from './GetUser.js';
import { GetUserAttributeVerificationCode } from './GetUserAttributeVerificationCode.js';
import { GetUserPoolMfaConfig } from './GetUserPoolMfaConfig.js';
import { GlobalSignOut } from './GlobalSignOut.js';
import { InitiateAuth } from './InitiateAuth.js';
import { ListUserPoolClients } from './ListUserPoolClients.js';
import { ListUserPools } from './ListUserPools.js';
import { ListUsers } from './ListUsers.js';
import { RespondToAuthChallenge } from './RespondToAuthChallenge.js';
import { RevokeToken } from './RevokeToken.js';
import { SetUserMFAPreference } from './SetUserMFAPreference.js';
import { SetUserPoolMfaConfig } from './SetUserPoolMfaConfig.js';
import { UpdateUserAttributes } from './UpdateUserAttributes.js';
import { UpdateUserPoolClient } from './UpdateUserPoolClient.js';
import { VerifySoftwareToken } from './VerifySoftwareToken.js';
import { VerifyUserAttribute } from './VerifyUserAttribute.js';
import { ConfirmDevice } from './ConfirmDevice.js';
import { UpdateDeviceStatus } from './UpdateDeviceStatus.js';
import { AdminUpdateDeviceStatus } from './AdminUpdateDeviceStatus.js';
import { GetDevice } from './GetDevice.js';
import { AdminGetDevice } from './AdminGetDevice.js';
import { ListDevices } from './ListDevices.js';
import { AdminListDevices } from './AdminListDevices.js';
import { ForgetDevice } from './ForgetDevice.js';
import { AdminForgetDevice } from './AdminForgetDevice.js';
import { StartWebAuthnRegistration } from './StartWebAuthnRegistration.js';
import { CompleteWebAuthnRegistration } from './CompleteWebAuthnRegistration.js';
import { ListWebAuthnCredentials } from './ListWebAuthnCredentials.js';
import { DeleteWebAuthnCredential } from './DeleteWebAuthnCredential.js';
import { CreateUserPoolDomain } from './CreateUserPoolDomain.js';
import { DescribeUserPoolDomain } from './DescribeUserPoolDomain.js';
import { UpdateUserPoolDomain } from './UpdateUserPoolDomain.js';
import { DeleteUserPoolDomain } from './DeleteUserPoolDomain.js';
import { CreateIdentityProvider } from './CreateIdentityProvider.js';
import { DescribeIdentityProvider } from './DescribeIdentityProvider.js';
import { UpdateIdentityProvider } from './UpdateIdentityProvider.js';
import { DeleteIdentityProvider } from './DeleteIdentityProvider.js';
import { ListIdentityProviders } from './ListIdentityProviders.js';
import { GetIdentityProviderByIdentifier } from './GetIdentityProviderByIdentifier.js';
import { AdminLinkProviderForUser } from './AdminLinkProviderForUser.js';
import { AdminDisableProviderForUser } from './AdminDisableProviderForUser.js';
import { CreateResourceServer } from './CreateResourceServer.js';
import { DescribeResourceServer } from './DescribeResourceServer.js';
import { UpdateResourceServer } from './UpdateResourceServer.js';
import { DeleteResourceServer } from './DeleteResourceServer.js';
import { ListResourceServers } from './ListResourceServers.js';
import { CreateGroup } from './CreateGroup.js';
import { GetGroup } from './GetGroup.js';
import { UpdateGroup } from './UpdateGroup.js';
import { DeleteGroup } from './DeleteGroup.js';
import { ListGroups } from './ListGroups.js';
import { AdminAddUserToGroup } from './AdminAddUserToGroup.js';
import { AdminRemoveUserFromGroup } from './AdminRemoveUserFromGroup.js';
import { AdminListGroupsForUser } from './AdminListGroupsForUser.js';
import { ListUsersInGroup } from './ListUsersInGroup.js';

export const operations: Record<string, Operation> = {
  SignUp,
  ConfirmSignUp,
  ResendConfirmationCode,
  AdminConfirmSignUp,
  ForgotPassword,
  ConfirmForgotPassword,
  AdminResetUserPassword,
  AdminCreateUser,
  AdminDeleteUser,
  AddCustomAttributes,
  UpdateUserPool,
  AdminDeleteUserAttributes,
  DeleteUserPoolClient,
  AdminDisableUser,
  AdminEnableUser,
  AdminGetUser,
  AdminInitiateAuth,
  AdminRespondToAuthChallenge,
  AdminSetUserMFAPreference,
  AdminSetUserPassword,
  AdminUpdateUserAttributes,
  AdminUserGlobalSignOut,
  AssociateSoftwareToken,
  ChangePassword,
  CreateUserPool,
  CreateUserPoolClient,
  DeleteUser,
  DeleteUserAttributes,
  DeleteUserPool,
  DescribeUserPool,
  DescribeUserPoolClient,
  GetTokensFromRefreshToken,
  GetUser,
  GetUserAttributeVerificationCode,
  GetUserPoolMfaConfig,
  GlobalSignOut,
  InitiateAuth,
  ListUserPoolClients,
  ListUserPools,
  ListUsers,
  RespondToAuthChallenge,
  RevokeToken,
  SetUserMFAPreference,
  SetUserPoolMfaConfig,
  UpdateUserAttributes,
  UpdateUserPoolClient,
  VerifySoftwareToken,
  VerifyUserAttribute,
  ConfirmDevice,
  UpdateDeviceStatus,
  AdminUpdateDeviceStatus,
  GetDevice,
  AdminGetDevice,
  ListDevices,
  AdminListDevices,
  ForgetDevice,
  AdminForgetDevice,
  StartWebAuthnRegistration,
  CompleteWebAuthnRegistration,
  ListWebAuthnCredentials,
  DeleteWebAuthnCredential,
  CreateUserPoolDomain,
  DescribeUserPoolDomain,
  UpdateUserPoolDomain,
  DeleteUserPoolDomain,
  CreateIdentityProvider,
  DescribeIdentityProvider,
  UpdateIdentityProvider,
  DeleteIdentityProvider,
  ListIdentityProviders,
  GetIdentityProviderByIdentifier,
  AdminLinkProviderForUser,
  AdminDisableProviderForUser,
  CreateResourceServer,
  DescribeResourceServer,
  UpdateResourceServer,
  DeleteResourceServer,
  ListResourceServers,
  CreateGroup,
  GetGroup,
  UpdateGroup,
  DeleteGroup,
  ListGroups,
  AdminAddUserToGroup,
  AdminRemoveUserFromGroup,
  AdminListGroupsForUser,
  ListUsersInGroup,
};
