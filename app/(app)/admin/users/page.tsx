import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { requirePermission } from "@/lib/server/auth/require-user";
import { listUsers } from "@/lib/server/admin/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requirePermission("users.manage");
  const users = await listUsers();
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Who can sign in, and with which role. Deactivated users can&apos;t sign in; their leads and history stay.
        </p>
      </div>
      <CreateUserForm />
      <UsersTable users={users} currentUserId={admin.id} now={new Date().toISOString()} />
    </div>
  );
}
